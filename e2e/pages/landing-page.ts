import { expect, type Page } from "@playwright/test";

export class LandingPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  pricingCard(tierName: string) {
    return this.page.getByRole("region", { name: tierName, exact: true });
  }

  async goToPricing() {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pricing" }).click();
    await expect(this.page).toHaveURL(/\/pricing$/);
    await expect(this.page.getByRole("heading", { level: 1, name: "Pricing" })).toBeVisible();
  }

  async startSignUp() {
    await this.page.getByRole("link", { name: "Sign up" }).first().click();
    await expect(this.page).toHaveURL(/\/signup$/);
  }
}
