/**
 * The mapping step of “Bảng của đơn vị” shows what the core decided (two-row header, a column
 * read from its values), what it could not settle (two deadline columns) and a refusal, in both
 * languages' headings; column labels of a two-row header name the child under its parent.
 */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { I18nProvider, type Language } from "../../../src/taskpane/i18n";
import { ImportMapping } from "../../../src/taskpane/views/ImportMapping";
import { detectTableHeader } from "../../../src/taskpane/app/catalogueSources";
import type { ImportState } from "../../../src/taskpane/app/types";
import { PLAN_TABLES, NOT_PLANS } from "../../core/catalogue/importCorpus";
import { installFastComputedStyle } from "../fastComputedStyle";

installFastComputedStyle();
jest.setTimeout(60_000);

function stateOf(name: string): ImportState {
  const c = [...PLAN_TABLES, ...NOT_PLANS].find((x) => x.name === name)!;
  const found = detectTableHeader(c.rows);
  return {
    table: { sheet: "KH", address: "KH!A1:H20", rows: c.rows },
    headerRow: Math.max(0, found.headerRow),
    map: found.map,
    detected: found.headerRow >= 0,
    headers: found.headers,
    decisions: found.decisions,
    ambiguities: found.ambiguities,
    refusal: found.refusal,
  };
}

function show(state: ImportState, lang: Language = "vi") {
  const noop = () => undefined;
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider lang={lang}>
        <ImportMapping
          state={state}
          disabled={false}
          onHeaderRowChange={noop}
          onMapChange={noop}
          onImport={noop}
          onCancel={noop}
        />
      </I18nProvider>
    </FluentProvider>,
  );
}

describe("ImportMapping: decisions, ambiguities, refusals", () => {
  test("two-row header: the decision is listed and the lead column is labelled parent — child", () => {
    show(stateOf("two-row-merged-header"));
    expect(screen.getByTestId("mapping-decisions")).toHaveTextContent("Dòng tiêu đề gồm 2 dòng");
    expect(screen.getByTestId("mapping-decisions")).toHaveTextContent("Bỏ qua cột “Thời gian — Bắt đầu”");
    expect(screen.getByLabelText(/^Cơ quan chủ trì/, { selector: "[role=combobox]" })).toHaveTextContent(
      "C — Đơn vị thực hiện — Chủ trì",
    );
    expect(screen.queryByTestId("mapping-refusal")).toBeNull();
  });

  test("“Tiến độ (hoàn thành)” read from its values is shown as a decision", () => {
    show(stateOf("tien-do-holds-deadlines"));
    expect(screen.getByTestId("mapping-decisions")).toHaveTextContent(
      /Tiến độ \(hoàn thành\).*thời hạn hoàn thành.*Quý I\/2024/,
    );
  });

  test("two deadline columns: an ambiguity for the user to confirm (English heading too)", () => {
    const { unmount } = show(stateOf("two-deadline-columns"));
    expect(screen.getByTestId("mapping-ambiguities")).toHaveTextContent(
      /Cần bạn xác nhận.*Có 2 cột có thể là thời hạn.*Đang dùng cột “Thời hạn hoàn thành”/,
    );
    unmount();
    show(stateOf("two-deadline-columns"), "en");
    expect(screen.getByTestId("mapping-ambiguities")).toHaveTextContent("Please confirm");
  });

  test("a budget table: the refusal says why, with what to do", () => {
    show(stateOf("budget-table"));
    expect(screen.getByTestId("mapping-refusal")).toHaveTextContent(
      /Bảng này không giống danh mục nhiệm vụ: đây giống bảng kinh phí.*Hãy /,
    );
  });
});
