// The names of the session form's own controls (the step it was shown for, and Continue or
// Back). Field keys start with a letter, so these never collide with a field. Client-safe:
// the form components import this, not the server code that reads the post.
export const INTENT_INPUT = "$intent";
export const STEP_INPUT = "$step";
