"use client";

import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type UniqueIdentifier } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { ReactNode } from "react";

// Drag-and-drop reordering (dnd-kit) for the builder's steps, fields and options: by pointer
// on the handle, or by keyboard (focus the handle, Space, arrows, Space; Escape cancels), with
// what happens read out by name. Items are identified by position ("<list>:<index>"): the
// definition has no stable ids while a key or label is being typed.

const itemId = (list: string, index: number) => `${list}:${index}`;
const indexOf = (id: UniqueIdentifier) => Number(String(id).slice(String(id).lastIndexOf(":") + 1));
export const handleId = (list: string, index: number) => `drag-${list}-${index}`;

const INSTRUCTIONS =
  "To move it, press Space, then the up and down arrow keys; press Space again to drop it there, or Escape to cancel.";

export function SortableList({
  list,
  count,
  nameOf,
  onMove,
  children,
}: {
  /** Unique on the page, e.g. "steps-0-fields". */
  list: string;
  count: number;
  /** How announcements name item `index`, e.g. 'field "Email"'. */
  nameOf: (index: number) => string;
  onMove: (from: number, to: number) => void;
  children: ReactNode;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const at = (id: UniqueIdentifier | undefined) => (id === undefined ? count : indexOf(id) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(indexOf(active.id))}, position ${at(active.id)} of ${count}.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(indexOf(active.id))} is now at position ${at(over.id)} of ${count}.` : undefined),
    onDragEnd: ({ active, over }) => (over ? `Dropped ${nameOf(indexOf(active.id))} at position ${at(over.id)} of ${count}.` : undefined),
    onDragCancel: ({ active }) => `Cancelled. ${nameOf(indexOf(active.id))} stays at position ${at(active.id)}.`,
  };
  const ids = Array.from({ length: count }, (_, i) => itemId(list, i));
  return (
    <DndContext
      id={`dnd-${list}`}
      sensors={sensors}
      collisionDetection={closestCenter}
      // Focus follows the moved item to its new place (ids are positions, so dnd-kit's own
      // restoring would land on whatever now sits at the old one).
      accessibility={{ announcements, restoreFocus: false, screenReaderInstructions: { draggable: INSTRUCTIONS } }}
      onDragEnd={({ active, over }) => {
        if (!over || active.id === over.id) return;
        const to = indexOf(over.id);
        onMove(indexOf(active.id), to);
        requestAnimationFrame(() => document.getElementById(handleId(list, to))?.focus());
      }}
    >
      <SortableContext id={list} items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

/** One sortable item: a ref and classes for its box, and its drag handle (a button). */
export function useSortableItem(list: string, index: number, label: string) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: itemId(list, index) });
  // Only while dragging, and so only ever set from script: the nonce CSP refuses style attributes in the HTML.
  const style = transform ? { transform: CSS.Translate.toString(transform), transition } : undefined;
  const handle = (
    <button
      type="button"
      id={handleId(list, index)}
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      aria-label={label}
      title="Drag to reorder, or press Space and use the arrow keys"
      className="inline-flex h-8 w-8 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-slate-500 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 active:cursor-grabbing"
    >
      <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4 fill-current">
        <circle cx="5.5" cy="3.5" r="1.25" />
        <circle cx="10.5" cy="3.5" r="1.25" />
        <circle cx="5.5" cy="8" r="1.25" />
        <circle cx="10.5" cy="8" r="1.25" />
        <circle cx="5.5" cy="12.5" r="1.25" />
        <circle cx="10.5" cy="12.5" r="1.25" />
      </svg>
    </button>
  );
  return { setNodeRef, style, dragging: isDragging, handle };
}
