import Link from "next/link";
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from "@/lib/audit/actions";
import type { TAuditFilter } from "@/lib/audit/schemas";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

const day = (d?: Date) => (d ? d.toISOString().slice(0, 10) : undefined);

/** The audit log's filters: a plain GET form, so a filtered view is a URL to share. */
export function AuditFilters({ action, filter, members }: { action: string; filter: TAuditFilter; members: string[] }) {
  const actors = filter.actor && !members.includes(filter.actor) ? [...members, filter.actor] : members;
  return (
    // autoComplete off: a reload shows the filters in the URL, not the browser's remembered ones.
    <form action={action} method="get" autoComplete="off" aria-label="Filter the audit log" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      <SelectField
        label="Action"
        name="action"
        id="audit-action"
        defaultValue={filter.action ?? ""}
        className="lg:col-span-2"
        options={[{ value: "", label: "Any action" }, ...Object.entries(AUDIT_ACTIONS).map(([value, a]) => ({ value, label: a.label }))]}
      />
      <SelectField label="Who" name="actor" id="audit-actor" defaultValue={filter.actor ?? ""} options={[{ value: "", label: "Anyone" }, ...actors.map((email) => ({ value: email, label: email }))]} />
      <SelectField
        label="Target"
        name="targetType"
        id="audit-target-type"
        defaultValue={filter.targetType ?? ""}
        options={[{ value: "", label: "Anything" }, ...Object.entries(AUDIT_TARGET_TYPES).map(([value, label]) => ({ value, label }))]}
      />
      <TextField label="From" name="from" id="audit-from" type="date" defaultValue={day(filter.from)} />
      <TextField label="Before" name="to" id="audit-to" type="date" defaultValue={day(filter.to)} />
      {filter.workflow && <input type="hidden" name="workflow" value={filter.workflow} />}
      {filter.target && <input type="hidden" name="target" value={filter.target} />}
      <div className="flex items-center gap-3 lg:col-span-6">
        <button type="submit" className={buttonClass("secondary")}>
          Apply filters
        </button>
        <Link href={action} className="text-sm text-brand-700 underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
