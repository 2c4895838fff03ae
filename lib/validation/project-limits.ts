/** Limits shared by the project schemas and the forms (kept apart so forms need not load zod). */
export const MAX_PROJECT_NAME_LENGTH = 120;
export const MAX_DESCRIPTION_LENGTH = 2_000;
export const MAX_GUIDELINES_LENGTH = 50_000;
export const MAX_OVERLAP = 20;
export const MAX_LABEL_KEY_LENGTH = 40;
export const MAX_LABEL_NAME_LENGTH = 60;
export const MAX_LABEL_DESCRIPTION_LENGTH = 500;
