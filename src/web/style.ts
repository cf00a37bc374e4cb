/** The site's one stylesheet, served at /assets/site.css (no inline styles: the CSP forbids them). */
export const SITE_CSS = `
:root { --ink:#1f2328; --muted:#59636e; --line:#d1d9e0; --accent:#b3261e; --bg:#fbfbf8;
  --error:#b3261e; --warning:#9a6700; --info:#0969da; }
* { box-sizing: border-box; }
body { margin:0; font: 16px/1.6 "Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;
  color:var(--ink); background:var(--bg); }
header.site { background:#fff; border-bottom:3px solid var(--accent); }
header.site .bar, main, footer.site { max-width:1120px; margin:0 auto; padding:0 20px; }
header.site .bar { display:flex; gap:24px; align-items:center; min-height:56px; flex-wrap:wrap; }
header.site .brand { font-weight:700; font-size:18px; color:var(--accent); text-decoration:none; }
header.site nav { display:flex; gap:16px; flex:1; }
header.site a { color:var(--ink); }
main { padding-top:24px; padding-bottom:48px; }
h1 { font-size:26px; margin:8px 0 16px; }
h2 { font-size:20px; margin:28px 0 12px; }
a { color:#0b57d0; }
form.upload { background:#fff; border:1px solid var(--line); border-radius:6px; padding:20px; display:grid; gap:12px; max-width:640px; }
form.upload button { justify-self:start; padding:8px 22px; font-size:16px; background:var(--accent); color:#fff; border:0; border-radius:4px; cursor:pointer; }
.muted { color:var(--muted); font-size:14px; }
.alert { border:1px solid var(--error); background:#fff5f5; padding:12px 16px; border-radius:6px; }
ol.findings { list-style:none; padding:0; margin:0; display:grid; gap:10px; }
ol.findings li { background:#fff; border:1px solid var(--line); border-left:5px solid var(--info); border-radius:4px; padding:10px 14px; }
ol.findings li.error { border-left-color:var(--error); }
ol.findings li.warning { border-left-color:var(--warning); }
.sev { display:inline-block; min-width:3em; font-weight:700; margin-right:8px; }
li.error .sev { color:var(--error); } li.warning .sev { color:var(--warning); } li.info .sev { color:var(--info); }
.rule { font-family: ui-monospace, monospace; font-size:13px; color:var(--muted); }
dl.values { display:flex; gap:20px; margin:6px 0 0; font-size:14px; }
dl.values dt { color:var(--muted); } dl.values dd { margin:0 0 0 4px; font-variant-numeric: tabular-nums; }
dl.values div { display:flex; }
table.grid { border-collapse:collapse; background:#fff; font-size:14px; }
table.grid th, table.grid td { border:1px solid var(--line); padding:4px 10px; text-align:left; }
table.grid td.num { text-align:right; font-variant-numeric: tabular-nums; }
footer.site { color:var(--muted); font-size:13px; padding-top:24px; padding-bottom:24px; border-top:1px solid var(--line); }
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
form.search { display:flex; gap:8px; margin:8px 0 20px; max-width:640px; }
form.search label { flex:1; } form.search input { width:100%; padding:8px 10px; font-size:16px; border:1px solid var(--line); border-radius:4px; }
form.search button, form.filters button { padding:8px 18px; background:var(--accent); color:#fff; border:0; border-radius:4px; cursor:pointer; }
form.filters { display:flex; gap:16px; flex-wrap:wrap; align-items:center; margin-bottom:16px; }
.badge { display:inline-block; font-size:12px; padding:1px 8px; border-radius:10px; border:1px solid; white-space:nowrap; }
.badge.error { color:var(--error); border-color:var(--error); background:#fff5f5; }
.badge.warning { color:var(--warning); border-color:var(--warning); background:#fff8e6; }
.badge.clean { color:#1a7f37; border-color:#1a7f37; background:#f0fff4; }
ul.disclosures { columns: 2; padding-left:18px; } ul.disclosures li { break-inside:avoid; margin:2px 0; }
.year-link { margin-right:14px; white-space:nowrap; }
nav.downloads { display:flex; gap:12px; flex-wrap:wrap; align-items:center; margin:12px 0; }
nav.downloads a { padding:3px 10px; border:1px solid var(--line); border-radius:4px; background:#fff; text-decoration:none; }
.charts { display:grid; grid-template-columns:repeat(auto-fill,minmax(420px,1fr)); gap:16px; }
.charts figure { margin:0; background:#fff; border:1px solid var(--line); border-radius:6px; padding:8px; }
.charts img, figure img { max-width:100%; height:auto; }
.delta { color:var(--muted); font-size:12px; }
section.document { background:#fff; border:1px solid var(--line); border-radius:6px; padding:12px 24px; margin-top:24px; }
.document nav ol { list-style:none; padding-left:0; } .document nav ol ol { padding-left:2em; }
.document section.part > h2 { text-align:center; }
.document p { text-indent:2em; margin:.3em 0; }
.document section.table { margin:16px 0 24px; overflow-x:auto; }
.document p.number { text-indent:0; font-weight:700; margin:0; }
.document table { border-collapse:collapse; width:100%; font-size:13px; line-height:1.35; }
.document caption .title { display:block; font-size:17px; font-weight:700; text-align:center; margin-bottom:4px; }
.document caption .meta { display:flex; justify-content:space-between; font-size:13px; }
.document th, .document td { border:1px solid #555; padding:3px 6px; vertical-align:middle; }
.document thead th { text-align:center; background:#f2f2f2; }
.document tbody th { font-weight:normal; text-align:left; min-width:7em; }
.document td.num { text-align:right; white-space:nowrap; font-variant-numeric:tabular-nums; }
.document tr.total th, .document tr.total td { font-weight:700; }
.document p.statement { text-indent:0; font-size:14px; }
.document .signature, .document .signature p { text-align:right; }
td.flag { outline:2px solid var(--info); outline-offset:-2px; background:#eef6ff; cursor:help; }
td.flag.error { outline-color:var(--error); background:#ffecec; }
td.flag.warning { outline-color:var(--warning); background:#fff5d6; }
mark.flag { background:#eef6ff; border-bottom:2px solid var(--info); }
mark.flag.error { background:#ffecec; border-bottom-color:var(--error); }
mark.flag.warning { background:#fff5d6; border-bottom-color:var(--warning); }
:target { scroll-margin-top:80px; box-shadow:0 0 0 3px #0b57d0; }
.document tr:target > * { background:#fff5c2; }
ul.tree { list-style:none; padding-left:0; margin:.5em 0; }
ul.tree ul.tree { padding-left:1.75em; border-left:1px dashed var(--line); margin-left:.4em; }
ul.tree li { padding:3px 0; }
ul.tree summary { cursor:pointer; }
ul.tree .years { margin-left:.75em; }
nav.breadcrumb { margin:0 0 12px; }
section.hits h3 { margin:16px 0 6px; font-size:16px; }
@media print { header.site nav, footer.site, form.upload { display:none; } body { background:#fff; } }
`;
