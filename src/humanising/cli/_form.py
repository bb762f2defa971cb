"""``humanising form``: one offline HTML page that asks the guided coding's questions and writes the case file.

The page embeds the questions (``humanising._casefiles._questions.description()``) as JSON in a
``<script type="application/json">`` block, and a small script builds the form from them and the
case file from the answers: the same text ``case_file`` writes for the same answers. It loads
nothing: no network, no CDN. A Content-Security-Policy allows only its own script and style, by
their SHA-256 hashes, no other source at all, and no form submission; every answer is shown
through ``textContent``, never parsed as markup. The script and the style are the files
``_form.js`` and ``_form.css`` beside this module, written into the page whole.
"""

from __future__ import annotations

import base64
import hashlib
import json

from humanising._casefiles._questions import description


def _resource(name: str) -> str:
    from importlib import resources

    return resources.files("humanising.cli").joinpath(name).read_text(encoding="utf-8")


_BODY = """\
<header>
<h1>Code a case for humanising</h1>
<p class="intro">Answer the questions below, in order; every choice shows what each value means. Then write the
case file, download or copy it, and check it with <code>humanising validate FILE</code>. Nothing you type
leaves this page.</p>
</header>
<main>
<form id="form" autocomplete="off"></form>
<section class="part" id="result">
<h2>The case file</h2>
<button type="button" class="primary" id="write">Write the case file</button>
<a id="download" hidden>Download</a>
<button type="button" id="copy">Copy</button> <span id="copied"></span>
<ul id="problems"></ul>
<pre id="case-file"></pre>
</section>
</main>
"""


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _embedded_json(data: object) -> str:
    """JSON that cannot end its ``<script>`` block or open a comment: ``<``, ``>`` and ``&`` escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def policy() -> str:
    """The page's Content-Security-Policy: its own script and style only, by hash; nothing else."""
    script, style = _hash(_resource("_form.js")), _hash(_resource("_form.css"))
    return (
        f"default-src 'none'; script-src '{script}'; style-src '{style}'; img-src data:; "
        "form-action 'none'; base-uri 'none'"
    )


def form_page() -> str:
    """The form's HTML page, whole.

    Example:
        >>> page = form_page()
        >>> page.startswith("<!doctype html>"), "http" in page.split("<body>")[1]
        (True, False)
    """
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Code a case for humanising</title>\n"
        f"<style>{_resource('_form.css')}</style>\n</head>\n<body>\n{_BODY}"
        f'<script type="application/json" id="questions">{_embedded_json(description())}</script>\n'
        f"<script>{_resource('_form.js')}</script>\n</body>\n</html>\n"
    )
