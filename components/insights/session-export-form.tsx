import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

// Downloads the workflow's sessions as CSV or NDJSON: a plain GET form to the export route,
// so it works without JavaScript and the browser saves the streamed file.

export function SessionExportForm({ action }: { action: string }) {
  return (
    <form action={action} method="get" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end" aria-label="Export sessions">
      <SelectField label="Format" name="format" id="export-format" options={[{ value: "csv", label: "CSV (spreadsheets)" }, { value: "ndjson", label: "NDJSON (one JSON per line)" }]} />
      <SelectField label="Sessions" name="test" id="export-test" options={[{ value: "false", label: "Live" }, { value: "true", label: "Test" }, { value: "", label: "Live and test" }]} />
      <SelectField label="Status" name="status" id="export-status" options={[{ value: "", label: "Any" }, { value: "completed", label: "Completed" }, { value: "open", label: "Open" }]} />
      <TextField label="Created from" name="from" id="export-from" type="date" />
      <TextField label="Created before" name="to" id="export-to" type="date" />
      <button type="submit" className={buttonClass("secondary", "col-span-2 sm:col-span-1")}>
        Download
      </button>
    </form>
  );
}
