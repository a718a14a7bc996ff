import { SegmentedLinks } from "@/components/ui/segmented-links";

// Live or test sessions, as plain links: the URL is the filter, so it can be shared.

export function SessionFilters({ base, test }: { base: string; test: boolean }) {
  return (
    <SegmentedLinks
      label="Mode"
      options={[
        { label: "Live", href: base, current: !test },
        { label: "Test", href: `${base}?mode=test`, current: test },
      ]}
    />
  );
}
