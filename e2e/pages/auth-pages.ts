import { expect, type Page } from "@playwright/test";

export class SignUpPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/signup");
  }

  async fill(name: string, email: string, password: string) {
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
  }

  async submit() {
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  fieldError(label: string) {
    return this.page.locator(`#field-${label}-error`);
  }

  alert() {
    return this.page.getByTestId("form-alert");
  }
}

export class LogInPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/login");
  }

  async logIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Log in" }).click();
  }

  alert() {
    return this.page.getByTestId("form-alert");
  }
}

export class NewWorkspacePage {
  constructor(private readonly page: Page) {}

  async expectOpen() {
    await expect(this.page).toHaveURL(/\/workspaces\/new$/);
    await expect(this.page.getByRole("heading", { name: /Create your first workspace|Create another workspace/ })).toBeVisible();
  }

  async create(name: string, slug?: string) {
    await this.page.getByLabel("Workspace name").fill(name);
    if (slug) await this.page.getByLabel("URL slug (optional)").fill(slug);
    await this.page.getByRole("button", { name: "Create workspace" }).click();
  }
}
