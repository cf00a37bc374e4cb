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
@media print { header.site nav, footer.site, form.upload { display:none; } body { background:#fff; } }
`;
