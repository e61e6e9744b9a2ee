/** The short message at the bottom left: what a key did, or why it could not. */
import { useCallback, useRef, useState } from "preact/hooks";

export interface Toast {
  text: string;
  kind: "ok" | "err";
}

export function useToast(): { toast: Toast | null; say: (text: string, kind?: Toast["kind"]) => void } {
  const [toast, setToast] = useState<Toast | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const say = useCallback((text: string, kind: Toast["kind"] = "ok") => {
    setToast({ text, kind });
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setToast(null), kind === "err" ? 6000 : 4000);
  }, []);
  return { toast, say };
}

export function ToastView({ toast }: { toast: Toast | null }) {
  return toast ? (
    <div class={`toast ${toast.kind}`} role="status">
      {toast.text}
    </div>
  ) : null;
}
