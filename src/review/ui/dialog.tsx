/**
 * A modal dialog that takes the focus when it opens (its [data-autofocus] element, else itself),
 * keeps Tab inside, closes on Esc or a click outside, and gives the focus back when it closes, so
 * that the page's keys work again at once.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

const FOCUSABLE = 'button, input, textarea, select, a[href], [tabindex="0"]';

export interface DialogProps {
  label: string;
  className?: string;
  onClose: () => void;
  /** Keys the dialog handles itself (called first; return true when used). */
  onKey?: (ev: KeyboardEvent) => boolean;
  children: ComponentChildren;
}

export function Dialog({ label, className, onClose, onKey, children }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const overlay = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const el = overlay.current;
    const outside = (ev: MouseEvent) => {
      if (ev.target === el) close.current();
    };
    el?.addEventListener("mousedown", outside);
    return () => el?.removeEventListener("mousedown", outside);
  }, []);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = box.current;
    (el?.querySelector<HTMLElement>("[data-autofocus]") ?? el)?.focus({ preventScroll: true });
    return () => {
      if (before && before !== document.body && document.contains(before)) before.focus({ preventScroll: true });
      else (document.activeElement as HTMLElement | null)?.blur();
    };
  }, []);

  const keydown = (ev: KeyboardEvent) => {
    if (onKey?.(ev)) {
      ev.preventDefault();
      ev.stopPropagation();
      return;
    }
    if (ev.key === "Escape") {
      ev.preventDefault();
      onClose();
    } else if (ev.key === "Tab" && box.current) {
      const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => !e.hasAttribute("disabled"));
      if (items.length === 0) {
        ev.preventDefault();
        return;
      }
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = ev.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at < 0 || at === items.length - 1 ? 0 : at + 1;
      ev.preventDefault();
      items[next]!.focus();
    }
    // every key stays in the dialog: the page's keys wait until it closes
    ev.stopPropagation();
  };

  return (
    <div class="overlay" ref={overlay}>
      <div ref={box} class={`dialog ${className ?? ""}`} role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} onKeyDown={keydown}>
        {children}
      </div>
    </div>
  );
}
