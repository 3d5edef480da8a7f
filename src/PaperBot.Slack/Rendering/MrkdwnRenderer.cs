using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PaperBot.Slack.Rendering;

/// <summary>Markdig renderer writing Slack mrkdwn: one small renderer per node kind.</summary>
internal sealed class MrkdwnRenderer : TextRendererBase<MrkdwnRenderer>
{
    public MrkdwnRenderer(TextWriter writer) : base(writer)
    {
        ObjectRenderers.Add(new ParagraphRenderer());
        ObjectRenderers.Add(new LiteralRenderer());
        ObjectRenderers.Add(new EmphasisRenderer());
        ObjectRenderers.Add(new CodeRenderer());
        ObjectRenderers.Add(new LinkRenderer());
        ObjectRenderers.Add(new AutolinkRenderer());
        ObjectRenderers.Add(new LineBreakRenderer());
        ObjectRenderers.Add(new HtmlRenderer());
        ObjectRenderers.Add(new EntityRenderer());
        ObjectRenderers.Add(new DelimiterRenderer());
    }

    public void WriteEscaped(string text) => Write(Mrkdwn.Escape(text));

    /// <summary>The text of inlines without any formatting, for link labels.</summary>
    public static string PlainText(ContainerInline container)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal: builder.Append(literal.Content.ToString()); break;
                case CodeInline code: builder.Append(code.Content); break;
                case HtmlEntityInline entity: builder.Append(entity.Transcoded.ToString()); break;
                case LineBreakInline: builder.Append(' '); break;
            }
        }
        return builder.ToString();
    }
}

internal sealed class ParagraphRenderer : MarkdownObjectRenderer<MrkdwnRenderer, ParagraphBlock>
{
    protected override void Write(MrkdwnRenderer renderer, ParagraphBlock paragraph)
    {
        renderer.WriteLeafInline(paragraph);
        renderer.WriteLine();
        renderer.WriteLine();
    }
}

internal sealed class LiteralRenderer : MarkdownObjectRenderer<MrkdwnRenderer, LiteralInline>
{
    protected override void Write(MrkdwnRenderer renderer, LiteralInline literal) => renderer.WriteEscaped(literal.Content.ToString());
}

internal sealed class EmphasisRenderer : MarkdownObjectRenderer<MrkdwnRenderer, EmphasisInline>
{
    protected override void Write(MrkdwnRenderer renderer, EmphasisInline emphasis)
    {
        var mark = emphasis.DelimiterChar == '~' ? '~' : emphasis.DelimiterCount >= 2 ? '*' : '_';
        renderer.Write(mark);
        renderer.WriteChildren(emphasis);
        renderer.Write(mark);
    }
}

internal sealed class CodeRenderer : MarkdownObjectRenderer<MrkdwnRenderer, CodeInline>
{
    protected override void Write(MrkdwnRenderer renderer, CodeInline code)
    {
        if (code.Content.Length == 0)
            return;
        renderer.Write('`');
        renderer.WriteEscaped(code.Content.Replace('`', 'ˋ'));
        renderer.Write('`');
    }
}

internal sealed class LinkRenderer : MarkdownObjectRenderer<MrkdwnRenderer, LinkInline>
{
    protected override void Write(MrkdwnRenderer renderer, LinkInline link) =>
        renderer.Write(Mrkdwn.Link(link.GetDynamicUrl?.Invoke() ?? link.Url, MrkdwnRenderer.PlainText(link)));
}

internal sealed class AutolinkRenderer : MarkdownObjectRenderer<MrkdwnRenderer, AutolinkInline>
{
    protected override void Write(MrkdwnRenderer renderer, AutolinkInline link) =>
        renderer.Write(Mrkdwn.Link(link.IsEmail ? "mailto:" + link.Url : link.Url, link.Url));
}

internal sealed class LineBreakRenderer : MarkdownObjectRenderer<MrkdwnRenderer, LineBreakInline>
{
    protected override void Write(MrkdwnRenderer renderer, LineBreakInline lineBreak) => renderer.WriteLine();
}

/// <summary>Raw HTML (and Slack's own <c>&lt;!channel&gt;</c> syntax, which parses as HTML) is shown as text.</summary>
internal sealed class HtmlRenderer : MarkdownObjectRenderer<MrkdwnRenderer, HtmlInline>
{
    protected override void Write(MrkdwnRenderer renderer, HtmlInline html) => renderer.WriteEscaped(html.Tag);
}

internal sealed class EntityRenderer : MarkdownObjectRenderer<MrkdwnRenderer, HtmlEntityInline>
{
    protected override void Write(MrkdwnRenderer renderer, HtmlEntityInline entity) => renderer.WriteEscaped(entity.Transcoded.ToString());
}

/// <summary>Delimiters left unmatched (a lone <c>*</c> or <c>[</c>) are plain text.</summary>
internal sealed class DelimiterRenderer : MarkdownObjectRenderer<MrkdwnRenderer, DelimiterInline>
{
    protected override void Write(MrkdwnRenderer renderer, DelimiterInline delimiter)
    {
        renderer.WriteEscaped(delimiter.ToLiteral());
        renderer.WriteChildren(delimiter);
    }
}
