namespace FeedAggregator.Publishing.Writers;

/// <summary>The page's embedded style sheet: a readable measure, system fonts, light and dark.</summary>
internal static class HtmlPageStyle
{
    public const string Css = """
        :root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfdfc; --muted: #5f6368; --link: #0b57d0; --rule: #e3e3e3; }
        @media (prefers-color-scheme: dark) {
          :root { --fg: #e8e6e3; --bg: #161618; --muted: #a0a4a8; --link: #8ab4f8; --rule: #33353a; }
        }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 42rem; padding: 1.5rem 1rem 3rem; color: var(--fg); background: var(--bg);
          font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Naskh Arabic", sans-serif; }
        a { color: var(--link); }
        header { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; }
        h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .5rem; }
        h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 .25rem; }
        h2 a { text-decoration: none; }
        h2 a:hover, h2 a:focus { text-decoration: underline; }
        article { padding: 1rem 0 1.5rem; border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
        .meta, .subscribe, footer, .empty { color: var(--muted); font-size: .9rem; }
        .content img, .content video, .content iframe { max-width: 100%; height: auto; }
        .content pre { overflow-x: auto; }
        blockquote { margin-inline: 0; padding-inline-start: 1rem; border-inline-start: 3px solid var(--rule); }

        """;
}
