/** The first admin the seed creates for the end-to-end run (used nowhere else). */
export const E2E_ADMIN = { email: "admin@e2e.surveyscope.test", password: "e2e-admin-password-0123" };
