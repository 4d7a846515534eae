import { expect, type Page } from "@playwright/test";

export class DashboardPage {
  constructor(private readonly page: Page) {}

  async expectWorkspace(name: string, slug: string) {
    await expect(this.page).toHaveURL(new RegExp(`/w/${slug}$`));
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible();
  }

  nav() {
    return this.page.getByRole("navigation", { name: "Workspace" });
  }

  async openSection(label: string) {
    await this.nav().getByRole("link", { name: label }).click();
    await expect(this.nav().getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
  }

  async logOut() {
    await this.page.getByRole("button", { name: "Log out" }).click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}
