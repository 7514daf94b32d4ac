import type { Metadata } from "next";
import { PersonCorrectionPage, personCorrectionMetadata } from "../../../_person-correction/correction-page";
import { correctOutreachPersonAction } from "./actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return personCorrectionMetadata("outreach", (await params).id);
}

/** Correct the person of an outreach case (ADR 0028): their name, reading, birth, sex, municipality and contacts. */
export default async function CorrectOutreachPersonPage({ params }: Params) {
  return <PersonCorrectionPage from="outreach" id={(await params).id} action={correctOutreachPersonAction} />;
}
