import type { Messages } from "../../translate";

export const personCorrection: Messages["personCorrection"] = {
  open: "Correct person",
  title: "Correct the person",
  metaTitle: "Correct the person {caseNo}",
  description: "Correct the name, reading, date of birth, sex, municipality and contacts of the person of {caseNo}. The correction applies to all of this person's records, and each record's history lists the fields corrected.",
  note: "Half-width kana are saved full-width, telephone numbers as 086-123-4567.",
  save: "Save the correction",
  cancel: "Cancel",
  saved: "The person was corrected.",
  unchanged: "Nothing was changed.",
  conflict: {
    title: "Not saved",
    reload: "Reopen with the latest values (what you typed is discarded)",
  },
};
