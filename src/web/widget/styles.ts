/**
 * All of the widget's CSS; it lives inside the shadow root, so nothing here reaches the
 * host page and no page selector reaches in. The one way in is inheritance through the
 * host element, which `:host { all: initial !important }` cuts: for !important rules
 * the shadow tree's own context wins over the page's.
 *
 * Colours (AA, 4.5:1 or better): text #1f2937 on #fff 14.7, on #f3f4f6 13.6; muted
 * #4b5563 on #fff 7.6, on #f3f4f6 6.9; placeholders and control borders #6b7280 on #fff 4.8; error #b91c1c on #fff 6.5; white on the
 * emergency red #b91c1c 6.5; white on the brand colour and the brand colour on #f3f4f6
 * are checked at run time (color.ts darkens data-color until both pass).
 */
export const CSS = `
:host{all:initial!important;display:block!important;position:static!important;contain:style!important}
*,*::before,*::after{box-sizing:border-box;margin:0;padding:0;border:0;font:inherit;color:inherit;background:none;text-align:inherit;line-height:inherit;letter-spacing:normal;text-transform:none;text-decoration:none;list-style:none;max-width:none;min-width:0;float:none;opacity:1;visibility:inherit}
[hidden]{display:none!important}
.r{--c:#0f766e;font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2937;text-align:left;direction:ltr;-webkit-font-smoothing:antialiased;-webkit-text-size-adjust:100%}
.sr{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
button,input,textarea,select{font:inherit;color:inherit}
button{cursor:pointer;display:inline-flex;align-items:center;justify-content:center;gap:6px}
a{color:var(--c);text-decoration:underline;cursor:pointer}
:focus{outline:none}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.l{position:fixed;bottom:20px;right:20px;z-index:2147483000;width:60px;height:60px;border-radius:50%;background:var(--c);color:#fff;box-shadow:0 6px 20px rgba(0,0,0,.25)}
.left .l{right:auto;left:20px}
.l i{position:relative;display:block;width:26px;height:20px;border-radius:7px;background:#fff}
.l i::after{content:"";position:absolute;left:5px;bottom:-6px;border:6px solid transparent;border-top-color:#fff;border-left-color:#fff}
.open .l{display:none}
.p{position:fixed;z-index:2147483001;bottom:20px;right:20px;width:390px;height:min(680px,calc(100vh - 40px));display:flex;flex-direction:column;background:#fff;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.28);overflow:hidden}
.left .p{right:auto;left:20px}
@media (max-width:520px){.p{inset:0;width:100%;height:100%;border-radius:0}}
.hd{display:flex;align-items:center;gap:8px;padding:12px 12px 12px 16px;background:var(--c);color:#fff}
.hd h2{flex:1;font-size:16px;font-weight:600;line-height:1.3;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ib{width:36px;height:36px;border-radius:8px;font-size:22px;line-height:1;color:#fff}
.ib:hover{background:rgba(255,255,255,.16)}
.hd :focus-visible{outline-color:#fff}
.disc{padding:6px 16px;font-size:12px;line-height:1.4;color:#4b5563;background:#f9fafb;border-bottom:1px solid #e5e7eb}
.bar{display:flex;align-items:center;gap:8px;padding:8px 16px;border-bottom:1px solid #e5e7eb}
.chip{padding:4px 12px;border-radius:999px;border:1px solid #6b7280;font-size:13px;color:#1f2937;background:#fff}
.body{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:14px 14px 6px;display:flex;flex-direction:column;gap:12px}
.m{display:flex;flex-direction:column;gap:6px;max-width:100%}
.u{align-self:flex-end;max-width:85%;padding:8px 12px;border-radius:14px 14px 4px 14px;background:var(--c);color:#fff;white-space:pre-wrap;overflow-wrap:anywhere}
.b{align-self:flex-start;max-width:92%;padding:10px 12px;border-radius:14px 14px 14px 4px;background:#f3f4f6;overflow-wrap:anywhere}
.b p+p,.b p+ul,.b p+ol,.b ul+p,.b ol+p{margin-top:6px}
.b ul,.b ol{padding-left:18px}
.b ul li{list-style:disc}
.b ol li{list-style:decimal}
.b li+li{margin-top:3px}
.b strong{font-weight:600}
.ref{font-size:11px;vertical-align:super;line-height:0;margin-left:1px;color:var(--c)}
.cites{font-size:13px;color:#4b5563;padding:0 4px}
.cites h4{font-weight:600;margin-bottom:2px}
.cites li{margin-top:2px}
.cites li::before{content:counter(c) ". ";counter-increment:c}
.cites ol{counter-reset:c}
.fb{display:flex;flex-wrap:wrap;align-items:center;gap:6px;font-size:13px;color:#4b5563;padding:0 4px}
.fb button,.rs button{min-height:32px;padding:2px 10px;border-radius:999px;border:1px solid #6b7280;background:#fff;color:#1f2937;font-size:13px}
.fb button[aria-pressed=true],.rs button[aria-pressed=true]{background:var(--c);border-color:var(--c);color:#fff}
.rs{display:flex;flex-wrap:wrap;gap:6px;width:100%}
.note{font-size:13px;color:#1f2937;padding:8px 10px;border-left:3px solid var(--c);background:#f9fafb}
.err{color:#b91c1c}
.em{border-radius:12px;background:#b91c1c;color:#fff;padding:12px 14px}
.em h3{font-size:17px;font-weight:700;margin-bottom:6px}
.em a{color:#fff}
.em .call{display:flex;justify-content:center;margin:8px 0;padding:10px 12px;border-radius:10px;background:#fff;color:#b91c1c;font-size:18px;font-weight:700;text-decoration:none}
.em :focus-visible{outline-color:#fff}
.em p+p,.em p+ul,.em ul+p{margin-top:6px}
.em ul{padding-left:18px}
.em li{list-style:disc}
.card{border:1px solid #d1d5db;border-radius:12px;padding:12px;display:flex;flex-direction:column;gap:8px;background:#fff}
.card h3{font-size:15px;font-weight:600}
.card p{font-size:13px;color:#4b5563}
.card .err{color:#b91c1c}
.slots{display:flex;flex-direction:column;gap:6px}
.slot{display:flex;align-items:center;gap:8px;padding:8px 10px;border:1px solid #d1d5db;border-radius:8px;font-size:14px;cursor:pointer}
.slot:has(input:checked){border-color:var(--c);box-shadow:inset 0 0 0 1px var(--c)}
input[type=radio],input[type=checkbox]{appearance:auto;-webkit-appearance:auto;width:18px;height:18px;flex:none;accent-color:var(--c);margin:0}
.f{display:flex;flex-direction:column;gap:3px;font-size:13px;color:#1f2937}
.f input,textarea{display:block;width:100%;border:1px solid #6b7280;border-radius:8px;padding:8px 10px;background:#fff;color:#1f2937;font-size:16px}
.f input[aria-invalid=true]{border-color:#b91c1c}
::placeholder{color:#6b7280;opacity:1}
.ck{display:flex;align-items:flex-start;gap:8px;font-size:13px;color:#1f2937;cursor:pointer}
.btn{min-height:40px;padding:8px 16px;border-radius:10px;background:var(--c);color:#fff;font-weight:600}
.btn[disabled]{opacity:.6;cursor:default}
.btn2{min-height:40px;padding:8px 14px;border-radius:10px;border:1px solid #6b7280;background:#fff;color:#1f2937}
.row{display:flex;flex-wrap:wrap;gap:8px}
.cs{display:flex;flex-direction:column;gap:12px;padding:4px 2px}
.cs h3{font-size:17px;font-weight:600}
.cs p{font-size:14px}
.cs .d{font-weight:600}
.sf{padding:10px 16px;border-bottom:1px solid #e5e7eb;display:flex;flex-direction:column;gap:8px}
.sf legend{font-size:13px;font-weight:600;margin-bottom:4px}
.sf fieldset{display:flex;gap:14px;flex-wrap:wrap}
.wk{border-radius:12px;background:#f9fafb;border:1px solid #e5e7eb;padding:10px 12px;font-size:13px}
.wk h3{font-weight:600;font-size:14px;margin-bottom:4px}
.wk li+li{margin-top:4px}
.wk span{color:#4b5563}
.cp{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:1px solid #e5e7eb;background:#fff}
.cp textarea{flex:1;resize:none;height:44px;max-height:120px;line-height:1.4}
.cp .btn{height:44px}
.dots::after{content:"…"}
@media (prefers-reduced-motion:no-preference){.p{animation:nwIn .16s ease-out}}
@keyframes nwIn{from{opacity:0;transform:translateY(8px)}to{opacity:1;transform:none}}
`;
