import { test as setup } from "@playwright/test";
import { signIn, storageStateOf } from "./fixtures/auth";
import { DEMO_ACCOUNTS } from "./fixtures/demo";

// One signed-in storage state per demo account, made through the real form. Specs reuse it with
// test.use({ storageState: storageStateOf("bizen.coord") }). Sessions slide (30 min idle), which
// is far longer than the suite runs. The sign-ins are independent: both workers share them
// (in series the second worker idled through them before any spec could start).
setup.describe.configure({ mode: "parallel" });

for (const account of DEMO_ACCOUNTS) {
  setup(`sign in ${account.username}`, async ({ page }) => {
    await signIn(page, account.username);
    await page.context().storageState({ path: storageStateOf(account.username) });
  });
}
