//! A whole HTML page → text: scripts, styles and navigation dropped, block structure kept as
//! line breaks (table cells as tabs, list items as "- "), entities decoded. One linear scan, no
//! tree: deeply nested pages cost no more than flat ones.

/// Elements whose whole content is dropped.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "form", "button",
    "select", "object", "canvas", "head",
];

/// Containers dropped with their content when their class or id names page furniture (not
/// those whose end tag may be left out, `p` and `li`).
const CONTAINERS: &[&str] = &[
    "div", "section", "ul", "ol", "span", "footer", "header", "dl", "table",
];

/// Words of a class or id that mark page furniture: share buttons, breadcrumbs, related
/// articles, comments, cookie banners, menus, tag lists.
const FURNITURE: &[&str] = &[
    "share",
    "sharing",
    "partage",
    "social",
    "breadcrumb",
    "breadcrumbs",
    "ariane",
    "related",
    "similaires",
    "comments",
    "comment",
    "commentaires",
    "cookie",
    "cookies",
    "newsletter",
    "menu",
    "sidebar",
    "pagination",
    "tags",
    "advert",
    "advertisement",
    "ads",
];

/// Words of a class name that say how a page is laid out around the furniture it names.
const LAYOUT: &[&str] = &[
    "has", "with", "no", "is", "show", "hide", "open", "closed", "enabled", "active", "layout",
];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "table",
    "blockquote",
    "br",
    "hr",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "address",
    "pre",
    "tbody",
    "thead",
    "center",
];

/// The text of an HTML page.
pub(crate) fn to_text(html: &str) -> String {
    let bytes = html.as_bytes();
    let lower = html.to_ascii_lowercase();
    let has_h1 = lower.contains("<h1");
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    let mut pre = 0usize;
    // The lists open around the text: an ordered list's next number, none for bullets.
    let mut lists: Vec<Option<u32>> = Vec::new();
    // Inside a table cell, and whether it has broken its line (`<br>`, a paragraph).
    let (mut in_cell, mut cell_lines) = (false, false);
    // The end of a furniture-named container kept because it holds the article.
    let mut holds_article = 0usize;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            let end = html[i..].find('<').map_or(html.len(), |k| i + k);
            push_text(&mut out, &html[i..end], pre > 0);
            i = end;
            continue;
        }
        let rest = &lower[i..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |k| i + k + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(bytes.len(), |k| i + k + 1);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        let name: String = rest[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if name.is_empty() {
            // A lone "<" in text.
            push_text(&mut out, "<", pre > 0);
            i += 1;
            continue;
        }
        let tag_end = tag_end(&lower, i);
        if !closing && name == "title" && !has_h1 {
            let close = lower[tag_end..]
                .find("</title")
                .map_or(lower.len(), |k| tag_end + k);
            out.push_str(htmlize::unescape(html[tag_end..close].trim()).trim());
            out.push_str("\n\n");
        }
        if !closing && SKIP.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = lower[tag_end..]
                .find(&close)
                .map_or(lower.len(), |k| tag_end + k);
            i = tag_end_or(&lower, i);
            continue;
        }
        let furniture_end = (!closing
            && i >= holds_article
            && CONTAINERS.contains(&name.as_str())
            && is_furniture(&lower[i..tag_end]))
        .then(|| close_of(&lower, &name, tag_end))
        // Never the container of the article itself (nor, so that no part of the page is
        // searched twice, anything inside it).
        .filter(|&end| {
            let region = &lower[tag_end..end];
            let article = region.contains("<h1") || region.contains("<article");
            if article {
                holds_article = end;
            }
            !article
        });
        if let Some(end) = furniture_end {
            i = tag_end_or(&lower, end);
            if name != "span" {
                newline(&mut out, "");
            }
            continue;
        }
        match name.as_str() {
            // A list stands apart from the paragraphs around it, as a page shows it: the
            // paragraph after it does not go on with its last item.
            "ol" | "ul" if !closing => {
                lists.push((name == "ol").then(|| list_start(&lower[i..tag_end])));
                newline(&mut out, "");
            }
            "ol" | "ul" => {
                lists.pop();
                newline(&mut out, "\n");
            }
            // An ordered list's items keep their numbers: "1. ", "2. ".
            "li" if !closing => match lists.last_mut() {
                Some(Some(n)) => {
                    newline(&mut out, &format!("{n}. "));
                    *n += 1;
                }
                _ => newline(&mut out, "- "),
            },
            "tr" => newline(&mut out, ""),
            "td" | "th" if !closing => (in_cell, cell_lines) = (true, false),
            // Cells of one line each are a row's columns; a cell of several lines (a
            // signature: `Pour le Royaume d'Espagne<br>Le Ministre …<br>José Manuel ALBARES`)
            // is a block of its own.
            "td" | "th" => {
                if cell_lines {
                    newline(&mut out, "\n");
                } else {
                    out.push('\t');
                }
                in_cell = false;
            }
            n if in_cell && (n == "br" || n == "p" || n == "div") => {
                cell_lines = true;
                newline(&mut out, "");
            }
            "pre" => {
                pre = if closing {
                    pre.saturating_sub(1)
                } else {
                    pre + 1
                };
                newline(&mut out, "");
            }
            // A heading stands apart, as a page shows it: a blank line before and after.
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => newline(&mut out, "\n"),
            n if BLOCK.contains(&n) || n == "li" => newline(&mut out, ""),
            _ => {}
        }
        i = tag_end;
    }
    tidy(&out)
}

/// The first number of an ordered list from its start tag (`<ol start="3">`), 1 by default.
fn list_start(tag: &str) -> u32 {
    tag.find("start=")
        .and_then(|k| {
            let v = tag[k + "start=".len()..].trim_start_matches(['"', '\'']);
            let digits: String = v.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .filter(|n| (1..10_000).contains(n))
        .unwrap_or(1)
}

/// The byte after the `>` that ends the tag starting at `i` (quotes respected).
fn tag_end(lower: &str, i: usize) -> usize {
    let bytes = lower.as_bytes();
    let mut quote = None;
    let mut j = i + 1;
    while j < bytes.len() {
        match (quote, bytes[j]) {
            (None, b'"' | b'\'') => quote = Some(bytes[j]),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return j + 1,
            _ => {}
        }
        j += 1;
    }
    bytes.len()
}

/// Whether a start tag's class or id names page furniture (`class="share-buttons"`).
fn is_furniture(tag: &str) -> bool {
    ["class=", "id="].iter().any(|attr| {
        let mut from = 0;
        while let Some(k) = tag[from..].find(attr) {
            let at = from + k;
            from = at + attr.len();
            // A whole attribute name (`data-id=` is not `id=`).
            if !tag[..at].ends_with([' ', '\t', '\n', '\r']) {
                continue;
            }
            let rest = &tag[from..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest.split([' ', '>', '/']).next().unwrap_or(""),
            };
            // A class name made of a furniture word (`post-share`, `related-posts`), not one
            // that states a layout around it (`has-sidebar`, `comments-open`).
            return value.split_ascii_whitespace().any(|class| {
                let words = || class.split(|c: char| !c.is_ascii_alphanumeric());
                words().any(|w| FURNITURE.contains(&w)) && !words().any(|w| LAYOUT.contains(&w))
            });
        }
        false
    })
}

/// Where the element `name` opened before `from` closes: the start of its matching `</name`,
/// elements of the same name nested inside counted; the end of the page if it never does.
fn close_of(lower: &str, name: &str, from: usize) -> usize {
    let bytes = lower.as_bytes();
    let mut depth = 1usize;
    let mut i = from;
    while let Some(k) = lower[i..].find('<') {
        let at = i + k;
        let (closing, start) = if bytes.get(at + 1) == Some(&b'/') {
            (true, at + 2)
        } else {
            (false, at + 1)
        };
        let whole = lower[start..].starts_with(name)
            && !bytes
                .get(start + name.len())
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if whole {
            if closing {
                depth -= 1;
                if depth == 0 {
                    return at;
                }
            } else if !lower[at..tag_end(lower, at)].ends_with("/>") {
                depth += 1;
            }
        }
        i = at + 1;
    }
    lower.len()
}

fn tag_end_or(lower: &str, i: usize) -> usize {
    if i >= lower.len() {
        i
    } else {
        tag_end(lower, i)
    }
}

fn newline(out: &mut String, then: &str) {
    let trimmed = out.trim_end_matches([' ', '\t']).len();
    out.truncate(trimmed);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(then);
}

/// Text between tags: entities decoded, whitespace collapsed as a browser would.
fn push_text(out: &mut String, raw: &str, pre: bool) {
    let text = htmlize::unescape(raw);
    if pre {
        out.push_str(&text);
        return;
    }
    for (k, word) in text
        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .enumerate()
    {
        if k > 0 && !out.ends_with([' ', '\n', '\t']) && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Trim line ends, keep at most one blank line between blocks.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.lines() {
        let l = line.trim_end_matches([' ', '\t']).trim_start_matches(' ');
        if l.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(l);
    }
    out.push('\n');
    out
}

/// The charset a page declares in its first bytes (`<meta charset="…">` or an http-equiv).
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_to_text() {
        let page = "<!DOCTYPE html><html><head><title>T</title><style>p{}</style><script>var a='<p>';</script></head>\
            <body><nav><a href=/>Accueil</a></nav><h1>Réunion à Rabat</h1><p>Publié le 30&nbsp;-&nbsp;11&nbsp;-&nbsp;2024</p>\
            <p>La   réunion <b>a eu</b> lieu.</p><ul><li>un</li><li>deux</li></ul>\
            <table><tr><td>UE</td><td>Texte</td></tr></table><!-- pub --></body></html>";
        assert_eq!(
            to_text(page),
            "Réunion à Rabat\n\nPublié le 30\u{a0}-\u{a0}11\u{a0}-\u{a0}2024\nLa réunion a eu lieu.\n- un\n- deux\n\nUE\tTexte\n"
        );
    }

    #[test]
    fn ordered_lists_keep_their_numbers_and_cells_of_lines_stand_alone() {
        let page =
            "<p>Les Parties conviennent de :</p><ol><li>Élargir ;</li><li>Organiser.</li></ol>\
            <ol start=\"3\"><li>Soutenir.</li></ol><p>Fait à Madrid.</p>\
            <table><tr><td>Pour le Sénégal<br>Le Ministre<br>Yassine FALL</td>\
            <td>Pour l'Espagne<br>José ALBARES</td></tr><tr><td>A</td><td>B</td></tr></table>";
        assert_eq!(
            to_text(page),
            "Les Parties conviennent de :\n1. Élargir ;\n2. Organiser.\n\n3. Soutenir.\n\n\
             Fait à Madrid.\nPour le Sénégal\nLe Ministre\nYassine FALL\n\nPour l'Espagne\n\
             José ALBARES\n\nA\tB\n"
        );
    }

    #[test]
    fn page_furniture_is_dropped() {
        let page = "<body><div class=\"breadcrumb\"><a>Accueil</a> › <a>Actualités</a></div>\
            <article><h1>Réunion à Rabat</h1><div class=\"content\"><p>La réunion a eu lieu.</p>\
            <div class='post-share'><div>Partager :</div><a>Facebook</a></div>\
            <span data-id=\"tags\">Fin.</span></div></article>\
            <section id=related><div><div>Forum : 5 juin 2023</div></div></section>\
            <div class=\"cookie-banner\">Nous utilisons des cookies";
        let wrapped = "<div class=\"layout has-sidebar\"><h1>Titre</h1><p>Texte.</p></div>\
            <div class=\"comments-open\"><div class=\"related\"><h1>Autre</h1></div></div>";
        assert_eq!(to_text(wrapped), "Titre\n\nTexte.\n\nAutre\n");
        assert_eq!(
            to_text(page),
            "Réunion à Rabat\n\nLa réunion a eu lieu.\nFin.\n"
        );
    }

    #[test]
    fn deep_nesting_is_linear_and_safe() {
        let page = format!(
            "<html><body>{}texte{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        assert_eq!(to_text(&page), "texte\n");
    }

    #[test]
    fn nested_furniture_around_the_article_is_linear() {
        let page = format!(
            "<html><body>{}<h1>Titre</h1>{}</body></html>",
            "<div class=\"share\">".repeat(50_000),
            "</div>".repeat(50_000)
        );
        assert_eq!(to_text(&page), "Titre\n");
    }

    #[test]
    fn charset_from_meta() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"iso-8859-1\">").map(|e| e.name()),
            Some("windows-1252")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>"
            )
            .map(|e| e.name()),
            Some("windows-1252")
        );
    }
}
