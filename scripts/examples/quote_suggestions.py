"""Posts the quoted passages of an article as model suggestions (standard library only).
Usage: SOURCEMARK_TOKEN=smk_… python3 quote_suggestions.py PROJECT ARTICLE_ID [MODEL]
The token must be a reviewer's or an admin's; SOURCEMARK_URL defaults to http://localhost:3000."""
import json, os, re, sys, urllib.error, urllib.parse, urllib.request, uuid

API = os.environ.get("SOURCEMARK_URL", "http://localhost:3000").rstrip("/") + "/api/v1"
project, article, model = sys.argv[1], sys.argv[2], (sys.argv[3:] or ["quote-regex"])[0]

def call(path, body=None):
    request = urllib.request.Request(API + path, data=body and json.dumps(body).encode(), headers={
        "Authorization": "Bearer " + os.environ["SOURCEMARK_TOKEN"], "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:  # the API answers errors (and refused changes) as JSON
        return json.load(error)

path = "/projects/%s/articles/%s" % (urllib.parse.quote(project), urllib.parse.quote(article, safe=""))
text = call(path)["text"]
# Python indexes a str by code point, which is how the API counts offsets: m.start() is the offset.
quotes = re.finditer(r'[“"«]([^”"»\r\n]{3,})[”"»]', text)
changes = [{"id": str(uuid.uuid4()), "op": "create", "span": {
    "start": m.start(1), "end": m.end(1), "label": "QUOTE", "text": m.group(1), "attributes": {"model": model}}}
    for m in quotes]
results = call(path + "/layers/suggestions/changes", {"changes": changes})["results"] if changes else []
for change, result in zip(changes, results):
    span = change["span"]
    print(span["start"], span["end"], "ok" if result["ok"] else result["error"]["code"], span["text"], sep="\t")
print(f"{sum(r['ok'] for r in results)} of {len(changes)} quotes posted as suggestions by {model}", file=sys.stderr)
