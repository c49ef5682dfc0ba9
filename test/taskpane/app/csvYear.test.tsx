/**
 * Issue 20 (round 2): a CSV pulled by URL that says no plan year is refused with what to do; when
 * a workbook is open, the pane offers to load it as that workbook's year (a click, not a guess).
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CatalogueError } from "../../../src/core/catalogue/types";
import { NO_TABLE_YEAR_PROBLEM } from "../../../src/core/catalogue/tableYear";
import { DEMO_TRACKER, fakeServices, renderApp, sampleCatalogue } from "../helpers";
import { installFastComputedStyle } from "../fastComputedStyle";
import { button, ready } from "./queries";

installFastComputedStyle();
jest.setTimeout(120_000);

const URL_CSV = "https://data.example.vn/ke-hoach.csv";
const noYear = () => Object.assign(new CatalogueError([NO_TABLE_YEAR_PROBLEM]), { noPlanYear: true });

async function pullUrl(services: ReturnType<typeof fakeServices>) {
  const user = userEvent.setup({ delay: null });
  renderApp({ services });
  await ready();
  await user.click(screen.getByLabelText("Tệp danh mục trên mạng (địa chỉ https)"));
  await user.type(screen.getByLabelText(/Địa chỉ tệp/), URL_CSV);
  await user.click(button("Nạp danh mục"));
  return user;
}

test("a workbook of 2026 is open: refused, then loaded as 2026 with one click", async () => {
  const fetchCatalogue = jest
    .fn()
    .mockRejectedValueOnce(noYear())
    .mockResolvedValueOnce({ ...sampleCatalogue("data-example", false), planYear: 2026 });
  const services = fakeServices({
    fetchCatalogue,
    readTrackerStatus: jest.fn(async () => ({
      ...DEMO_TRACKER,
      catalogue: { ...DEMO_TRACKER.catalogue!, id: "data-example", planYear: 2026 },
    })),
  });
  const user = await pullUrl(services);
  const bar = await screen.findByTestId("feedback-error");
  expect(bar).toHaveTextContent("không cho biết năm kế hoạch");
  expect(services.pullCatalogue).not.toHaveBeenCalled();
  expect(fetchCatalogue.mock.calls[0][1].planYear).toBeUndefined();
  await user.click(button("Nạp như kế hoạch năm 2026 (năm của sổ đang mở)", bar));
  await screen.findByTestId("feedback-success");
  expect(fetchCatalogue).toHaveBeenLastCalledWith(URL_CSV, expect.objectContaining({ planYear: 2026 }));
  expect(services.pullCatalogue).toHaveBeenCalledTimes(1);
});

test("no workbook yet: refused with what to do, no year offered", async () => {
  const services = fakeServices({ fetchCatalogue: jest.fn().mockRejectedValue(noYear()) });
  await pullUrl(services);
  const bar = await screen.findByTestId("feedback-error");
  expect(bar).toHaveTextContent("Hãy thêm một dòng tiêu đề");
  expect(bar.querySelector("button")?.textContent ?? "").not.toMatch(/Nạp như kế hoạch/);
  expect(services.pullCatalogue).not.toHaveBeenCalled();
});
