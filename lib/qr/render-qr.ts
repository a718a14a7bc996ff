import QRCode from "qrcode";

// Error correction "M" (15 %) survives a printed code being a little scuffed while keeping
// the module count low enough to scan from a phone at arm's length.
const OPTIONS = { errorCorrectionLevel: "M", margin: 2 } as const;

export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { ...OPTIONS, type: "svg" });
}

export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...OPTIONS, type: "png", width: 512 });
}
