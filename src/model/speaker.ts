/** People who speak in transcripts, as kept in the user-editable speaker registry. */

export interface SpeakerAlias {
  name: string;
  /** ISO 639-1 language the alias is written in. */
  lang: string;
}

export interface SpeakerRole {
  title: string;
  /** ISO dates; null means open-ended. */
  from: string | null;
  to: string | null;
  /**
   * Institutional labels that mean this person while the role is held, for one publisher,
   * e.g. "THE PRESIDENT" on whitehouse.gov.
   */
  labels: string[];
  publisher: string | null;
}

export interface Speaker {
  id: string;
  name: string;
  /** When known: a label's honorific ("MR.", "MS.", "г-жа") must agree with it. */
  gender?: "female" | "male" | null;
  aliases: SpeakerAlias[];
  roles: SpeakerRole[];
}
