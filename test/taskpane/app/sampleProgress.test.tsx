/**
 * Issue 19: a newcomer who pulls the demo catalogue sees overdue, late, done and scores at once —
 * the sample progress is on by default for demo-2024 (still labelled sample data), never sent
 * for a real catalogue, and never on a re-pull (which would otherwise touch what people typed).
 */
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DEMO_PROGRESS_NOTE } from "../../../src/core/catalogue/demoProgress";
import { initialCatalogueState } from "../../../src/taskpane/workflows/catalogue/reducer";
import { loadBundledCatalogue } from "../../../src/core/catalogue/bundled";
import { DEMO_TRACKER, fakeServices, renderApp } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import { button, ready } from "./queries";

installFastComputedStyle();
jest.setTimeout(60_000);

test("the reducer starts with the sample progress on", () => {
  expect(initialCatalogueState.sampleProgress).toBe(true);
});

type Case = [
  name: string,
  setup: { tracker?: boolean; choose?: RegExp; uncheck?: boolean },
  want: { checkbox: "checked" | "unchecked" | "absent"; progress: boolean },
];

const CASES: Case[] = [
  ["demo on a first build: ticked, sent", {}, { checkbox: "checked", progress: true }],
  ["demo, the person unticks it: not sent", { uncheck: true }, { checkbox: "unchecked", progress: false }],
  [
    "an official catalogue: no box, nothing sent",
    { choose: /Công văn 5893/ },
    { checkbox: "absent", progress: false },
  ],
  ["a re-pull of the demo: no box, nothing sent", { tracker: true }, { checkbox: "absent", progress: false }],
];

test.each(CASES)("%s", async (_name, setup, want) => {
  const user = userEvent.setup({ delay: null });
  const services = fakeServices({
    loadBundledCatalogue: jest.fn(async (id: "demo-2024" | "cv-5893-2024") => loadBundledCatalogue(id)),
    ...(setup.tracker ? { readTrackerStatus: jest.fn(async () => DEMO_TRACKER) } : {}),
  });
  renderApp({ services });
  await ready();
  if (setup.choose) await user.click(screen.getByLabelText(setup.choose));
  const box = screen.queryByTestId("sample-progress");
  if (want.checkbox === "absent") expect(box).toBeNull();
  else {
    expect(box).not.toBeNull();
    // Clearly labelled sample data.
    expect(screen.getByLabelText(/tiến độ minh họa \(dữ liệu mẫu/)).toBe(box);
    if (setup.uncheck) await user.click(box as HTMLElement);
    if (want.checkbox === "checked") expect(box).toBeChecked();
    else expect(box).not.toBeChecked();
  }
  await user.click(button("Nạp danh mục"));
  await waitFor(() => expect(services.pullCatalogue).toHaveBeenCalled());
  const [, req] = services.pullCatalogue.mock.calls[0];
  if (want.progress) {
    expect(req.catalogue.id).toBe("demo-2024");
    expect(req.progress.length).toBeGreaterThan(100);
    for (const e of req.progress) expect(e.note).toBe(DEMO_PROGRESS_NOTE);
  } else expect(req.progress).toBeUndefined();
});
