// What a receiver runs to verify our completion webhooks, shown on the After completion tab.
// Each uses the Standard Webhooks library of its language, which checks the signature (any of
// the space-separated entries, so rotations verify), the id and the timestamp's age.

export interface VerificationSnippet {
  language: string;
  code: string;
}

export function verificationSnippets(secretPlaceholder: string): VerificationSnippet[] {
  return [
    {
      language: "Node.js",
      code: `// npm install standardwebhooks express
import express from "express";
import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.SIGNET_ENDPOINT_SECRET ?? "${secretPlaceholder}");
const app = express();

app.post("/signet", express.raw({ type: "application/json" }), (req, res) => {
  let event;
  try {
    // Throws unless Signet signed exactly these bytes, recently.
    event = wh.verify(req.body.toString("utf8"), req.headers);
  } catch {
    return res.status(400).end();
  }
  // Delivery is at least once: skip a webhook-id you have already handled.
  if (event.type === "session.completed") console.log(event.data.sessionId, event.data.answers);
  res.status(204).end();
});

app.listen(8080);`,
    },
    {
      language: "Python",
      code: `# pip install standardwebhooks flask
import os
from flask import Flask, request
from standardwebhooks.webhooks import Webhook

wh = Webhook(os.environ.get("SIGNET_ENDPOINT_SECRET", "${secretPlaceholder}"))
app = Flask(__name__)

@app.post("/signet")
def signet():
    try:
        event = wh.verify(request.get_data(), dict(request.headers))
    except Exception:
        return "", 400
    # Delivery is at least once: skip a webhook-id you have already handled.
    if event["type"] == "session.completed":
        print(event["data"]["sessionId"], event["data"]["answers"])
    return "", 204`,
    },
    {
      language: "Go",
      code: `// go get github.com/standard-webhooks/standard-webhooks/libraries/go
wh, _ := standardwebhooks.NewWebhook(os.Getenv("SIGNET_ENDPOINT_SECRET")) // "${secretPlaceholder}"

http.HandleFunc("/signet", func(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if err := wh.Verify(body, r.Header); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	// Delivery is at least once: skip a webhook-id you have already handled.
	w.WriteHeader(http.StatusNoContent)
})`,
    },
  ];
}
