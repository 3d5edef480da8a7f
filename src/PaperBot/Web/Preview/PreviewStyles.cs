namespace PaperBot.Web.Preview;

/// <summary>
/// All of the preview's styling, served as <c>/preview.css</c> so the page needs no inline style or script (a strict
/// Content-Security-Policy can allow it with <c>style-src 'self'</c>). Narrow screens get one column and smaller indents.
/// </summary>
internal static class PreviewStyles
{
    public const string Css = """
        *,*::before,*::after{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK KR",sans-serif;line-height:1.45;background:#f4f5f7;color:#1d1c1d}
        code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Noto Sans Mono CJK KR",monospace}
        img{max-width:100%}
        .top,.deliveries,.platforms,body>.note{max-width:76rem;margin:0 auto;padding:0 1rem}
        .top h1{margin:.25rem 0;font-size:1.5rem}
        .crumbs{margin:1rem 0 0}
        .lead,.as{color:#555;margin:.25rem 0}
        .jump{margin:.5rem 0 1rem}
        .note{color:#555}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-size:.9rem;background:#fff}
        th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
        td.error{overflow-wrap:anywhere;max-width:24rem}
        .state-delivered .state{color:#1a7f37;font-weight:600}
        .state-failed .state{color:#cf222e;font-weight:600}
        .state-sending .state{color:#9a6700;font-weight:600}
        .state-none .state{color:#57606a}
        .platforms{display:grid;gap:1.5rem;margin-top:1.5rem;margin-bottom:2rem}
        @media (min-width:1200px){.platforms{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
        .platform{border-radius:8px;padding:.75rem 1rem 1rem;min-width:0}
        .platform h2{margin:.25rem 0}
        .platform.discord{background:#313338;color:#dbdee1}
        .platform.discord a{color:#00a8fc}
        .platform.discord .as{color:#b5bac1}
        .platform.slack,.platform.other{background:#fff;color:#1d1c1d;border:1px solid #ddd}
        .platform.slack a{color:#1264a3}
        .chat{margin-top:.75rem}
        .item{margin-top:.5rem}
        .msg{display:flex;gap:.75rem;align-items:flex-start}
        .avatar{flex:none;width:40px;height:40px;border-radius:50%;display:flex;align-items:center;justify-content:center;font-weight:700;font-size:.8rem;background:#5865f2;color:#fff}
        .slack .avatar{border-radius:6px;background:#4a154b}
        .msg-body{flex:1;min-width:0;overflow-wrap:anywhere}
        .msg-author{font-weight:600}
        .app-tag{font-size:.625rem;font-weight:600;padding:0 .3em;border-radius:3px;vertical-align:middle;background:#5865f2;color:#fff}
        .slack .app-tag{background:#e8e8e8;color:#616061}
        .paper{margin-top:1.25rem;padding-top:.75rem;border-top:1px solid rgba(128,128,128,.3)}
        .thread{margin:.5rem 0 0 3.25rem;padding-left:.75rem;border-left:2px solid #4e5058}
        .slack .thread{border-left-color:#ddd}
        .thread-start{font-weight:600;font-size:.9rem}
        .thread-start small{font-weight:400;opacity:.75}
        .raw{margin:.25rem 0 0 3.25rem;font-size:.75rem;opacity:.8}
        .raw summary{cursor:pointer}
        .raw pre{overflow:auto;max-height:20rem;white-space:pre-wrap;overflow-wrap:anywhere;padding:.5rem;border-radius:4px;background:rgba(128,128,128,.15)}
        .md code{background:rgba(128,128,128,.22);padding:0 .2em;border-radius:3px;font-size:.875em}
        .md-codeblock{background:rgba(128,128,128,.18);padding:.5rem;border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere;margin:.25rem 0}
        .md blockquote{margin:.25rem 0;padding-left:.75rem;border-left:4px solid #4e5058}
        .slack .md blockquote{border-left-color:#ddd}
        .md-h1{font-size:1.5rem;font-weight:700}
        .md-h2{font-size:1.25rem;font-weight:700}
        .md-h3{font-size:1.1rem;font-weight:700}
        .md-subtext{font-size:.75rem;opacity:.8}
        .md-list{margin:.25rem 0;padding-left:1.25rem}
        .md-spoiler{background:#1e1f22;color:#1e1f22;border-radius:3px}
        .md-spoiler:hover{color:#dbdee1}
        .mention{background:rgba(88,101,242,.3);border-radius:3px;padding:0 .15em}
        .embed{position:relative;display:flex;gap:1rem;max-width:32rem;margin-top:.25rem;padding:.5rem 1rem .75rem 1rem;border-radius:4px;background:#2b2d31}
        .embed-bar{position:absolute;left:0;top:0;width:4px;height:100%;border-radius:4px 0 0 4px}
        .embed-main{flex:1;min-width:0}
        .embed-author{font-size:.875rem;font-weight:600;margin-top:.5rem}
        .embed-title{font-weight:600;margin-top:.5rem}
        .embed-description{font-size:.875rem;margin-top:.5rem}
        .embed-fields{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.5rem;margin-top:.5rem}
        .embed-field{grid-column:1/-1;font-size:.875rem}
        .embed-field.inline{grid-column:auto}
        .embed-field-name{font-weight:600}
        .embed-image{display:block;margin-top:1rem;border-radius:4px;max-height:300px}
        .embed-thumbnail{flex:none;width:80px;height:80px;object-fit:contain;margin-top:.5rem;border-radius:3px}
        .embed-footer{font-size:.75rem;color:#b5bac1;margin-top:.5rem}
        .components{margin-top:.5rem}
        .action-row{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.25rem}
        .button{display:inline-block;padding:.3rem .9rem;border-radius:3px;font-size:.875rem;font-weight:500;text-decoration:none;line-height:1.5}
        .discord .button{color:#fff;background:#4e5058}
        .platform.discord a.button{color:#fff}
        .discord .button.primary{background:#5865f2}
        .discord .button.success{background:#248046}
        .discord .button.danger{background:#da373c}
        .button.disabled{opacity:.5}
        .slack .button{border:1px solid #bbb;background:#fff;color:#1d1c1d;border-radius:4px;font-weight:700}
        .platform.slack a.button{color:#1d1c1d}
        .slack .button.primary{background:#007a5a;border-color:#007a5a;color:#fff}
        .slack .button.danger{color:#e01e5a}
        .sl-header{font-size:1.125rem;font-weight:700;margin:.25rem 0}
        .sl-section{display:flex;gap:.75rem;margin:.25rem 0}
        .sl-section-main{flex:1;min-width:0}
        .sl-fields{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:.5rem;margin-top:.5rem}
        .sl-accessory{flex:none;width:88px;height:88px;object-fit:cover;border-radius:6px}
        span.sl-accessory{display:block;background:#e8e8e8}
        .sl-context{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .6rem;font-size:.8rem;color:#616061;margin:.25rem 0}
        .sl-context-image{width:20px;height:20px;border-radius:3px}
        .sl-actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}
        .sl-divider{border:0;border-top:1px solid #ddd}
        .sl-image{margin:.5rem 0}
        .sl-unknown{font-style:italic;color:#616061}
        @media (max-width:600px){
          .top h1{font-size:1.25rem}
          .platform{padding:.5rem .6rem .75rem;border-radius:0;margin:0 -1rem}
          .avatar{width:32px;height:32px}
          .thread{margin-left:.5rem}
          .raw{margin-left:0}
          .embed{padding-right:.6rem;gap:.5rem}
          .embed-fields{grid-template-columns:repeat(2,minmax(0,1fr))}
          .embed-thumbnail{width:56px;height:56px}
          .sl-accessory{width:64px;height:64px}
          .sl-fields{grid-template-columns:minmax(0,1fr)}
          .deliveries thead{display:none}
          .deliveries table,.deliveries tbody,.deliveries tr,.deliveries td{display:block;width:100%}
          .deliveries tr{border-bottom:1px solid #ddd;padding:.4rem 0}
          .deliveries td{display:flex;gap:.5rem;border:0;padding:.1rem .6rem;max-width:none}
          .deliveries td::before{content:attr(data-label);flex:none;width:6.5rem;color:#57606a;font-weight:600}
        }
        """;
}
