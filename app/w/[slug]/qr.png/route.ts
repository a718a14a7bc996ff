import { qrResponse } from "@/lib/qr/qr-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return qrResponse((await params).slug, "png");
}
