/**
 * Queries shared by the pane tests (split by workflow so jest runs them in parallel).
 *
 * Role queries compute accessible names with getComputedStyle, which jsdom makes slow (~1 s per
 * query over Fluent's hundreds of CSS rules): most queries here go by text or label, and role
 * queries are kept for what they prove, within small regions.
 */
import { screen, waitFor, within } from "@testing-library/react";
import type userEvent from "@testing-library/user-event";

export const button = (name: string | RegExp, scope: HTMLElement = document.body): HTMLElement =>
  within(scope).getByText(name, { selector: "button" });
export const findButton = (name: string | RegExp): Promise<HTMLElement> =>
  screen.findByText(name, { selector: "button" }, { timeout: 4000 });

export async function ready(): Promise<void> {
  await findButton("Nạp danh mục");
  await waitFor(() => expect(button("Nạp danh mục")).toBeEnabled());
}

export async function openWorkflow(user: ReturnType<typeof userEvent.setup>, name: string): Promise<void> {
  await user.click(button(name));
}
