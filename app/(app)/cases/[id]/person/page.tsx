import type { Metadata } from "next";
import { PersonCorrectionPage, personCorrectionMetadata } from "../../../_person-correction/correction-page";
import { correctCasePersonAction } from "./actions";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return personCorrectionMetadata("case", (await params).id);
}

/** Correct the person of a case (ADR 0028): their name, reading, birth, sex, municipality and contacts. */
export default async function CorrectCasePersonPage({ params }: Params) {
  return <PersonCorrectionPage from="case" id={(await params).id} action={correctCasePersonAction} />;
}
