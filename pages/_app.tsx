import type { AppProps } from "next/app";
import "@/app/globals.css";

// The Pages Router holds one page, the participant's session page (pages/s/[token].tsx): it
// renders to plain HTML with no framework JavaScript, which the App Router can't do. Same
// stylesheet as the rest of the app.
export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
