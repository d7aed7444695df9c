//! One serialisation, two layouts: a `serde_json` formatter that writes a value compactly (as
//! `serde_json::to_string` does) to the serializer's writer and, in the same pass, laid out as
//! `serde_json::to_string_pretty` lays it out to a second buffer, from a given depth. A record
//! is thus serialised once for its JSON line and its place in the document's pretty JSON: its
//! strings are escaped once, and nothing is parsed again.

use std::io::{self, Write};

use serde_json::ser::{CharEscape, CompactFormatter, Formatter};

/// Serialise `value` compactly onto `compact` and pretty onto `pretty`, as it would be laid out
/// `depth` levels deep (its closing bracket indented `depth` levels; its first line not at all,
/// since it follows a key or an array's indentation).
pub(crate) fn write<T: serde::Serialize + ?Sized>(
    value: &T,
    compact: &mut Vec<u8>,
    pretty: &mut Vec<u8>,
    depth: usize,
) -> serde_json::Result<()> {
    let formatter = Twofold {
        pretty,
        depth,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(compact, formatter);
    value.serialize(&mut ser)
}

/// A line break and `depth` levels of indentation (two spaces a level).
pub(crate) fn newline(out: &mut Vec<u8>, depth: usize) {
    // One slice for the usual depths; deeper levels (no record reaches them) take more pushes.
    const BREAK: &[u8] = b"\n                                                                ";
    let mut spaces = 2 * depth;
    let first = spaces.min(BREAK.len() - 1);
    out.extend_from_slice(&BREAK[..1 + first]);
    spaces -= first;
    while spaces > 0 {
        let n = spaces.min(BREAK.len() - 1);
        out.extend_from_slice(&BREAK[1..1 + n]);
        spaces -= n;
    }
}

struct Twofold<'p> {
    pretty: &'p mut Vec<u8>,
    /// The pretty printer's current level (`PrettyFormatter::current_indent`).
    depth: usize,
    /// Whether the innermost open container has a value yet (`PrettyFormatter::has_value`).
    has_value: bool,
}

impl Twofold<'_> {
    /// Write what `f` writes to both layouts: to the pretty buffer, then the same bytes to the
    /// compact writer.
    fn both<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
    ) -> io::Result<()> {
        let at = self.pretty.len();
        f(self.pretty)?;
        w.write_all(&self.pretty[at..])
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        self.pretty.extend_from_slice(bracket);
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            newline(self.pretty, self.depth);
        }
        self.pretty.extend_from_slice(bracket);
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            self.pretty.push(b',');
            w.write_all(b",")?;
        }
        newline(self.pretty, self.depth);
        Ok(())
    }
}

impl Formatter for Twofold<'_> {
    fn write_null<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.both(w, |p| p.write_all(b"null"))
    }

    fn write_bool<W: ?Sized + Write>(&mut self, w: &mut W, value: bool) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_bool(p, value))
    }

    fn write_i8<W: ?Sized + Write>(&mut self, w: &mut W, value: i8) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_i8(p, value))
    }

    fn write_i16<W: ?Sized + Write>(&mut self, w: &mut W, value: i16) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_i16(p, value))
    }

    fn write_i32<W: ?Sized + Write>(&mut self, w: &mut W, value: i32) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_i32(p, value))
    }

    fn write_i64<W: ?Sized + Write>(&mut self, w: &mut W, value: i64) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_i64(p, value))
    }

    fn write_i128<W: ?Sized + Write>(&mut self, w: &mut W, value: i128) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_i128(p, value))
    }

    fn write_u8<W: ?Sized + Write>(&mut self, w: &mut W, value: u8) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_u8(p, value))
    }

    fn write_u16<W: ?Sized + Write>(&mut self, w: &mut W, value: u16) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_u16(p, value))
    }

    fn write_u32<W: ?Sized + Write>(&mut self, w: &mut W, value: u32) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_u32(p, value))
    }

    fn write_u64<W: ?Sized + Write>(&mut self, w: &mut W, value: u64) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_u64(p, value))
    }

    fn write_u128<W: ?Sized + Write>(&mut self, w: &mut W, value: u128) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_u128(p, value))
    }

    fn write_f32<W: ?Sized + Write>(&mut self, w: &mut W, value: f32) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_f32(p, value))
    }

    fn write_f64<W: ?Sized + Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_f64(p, value))
    }

    fn write_number_str<W: ?Sized + Write>(&mut self, w: &mut W, value: &str) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_number_str(p, value))
    }

    fn begin_string<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.push(b'"');
        w.write_all(b"\"")
    }

    fn end_string<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.push(b'"');
        w.write_all(b"\"")
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        self.pretty.extend_from_slice(fragment.as_bytes());
        w.write_all(fragment.as_bytes())
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        char_escape: CharEscape,
    ) -> io::Result<()> {
        self.both(w, |p| CompactFormatter.write_char_escape(p, char_escape))
    }

    fn write_raw_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        self.write_string_fragment(w, fragment)
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        Ok(())
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.pretty.extend_from_slice(b": ");
        w.write_all(b":")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both layouts of `v` at `depth`, as strings.
    fn both(v: &serde_json::Value, depth: usize) -> (String, String) {
        let (mut c, mut p) = (Vec::new(), Vec::new());
        write(v, &mut c, &mut p, depth).unwrap();
        (String::from_utf8(c).unwrap(), String::from_utf8(p).unwrap())
    }

    /// What serde's pretty printer writes for `v` nested `depth` arrays deep, without the
    /// arrays around it.
    fn serde_pretty_at(v: &serde_json::Value, depth: usize) -> String {
        let mut wrapped = v.clone();
        for _ in 0..depth {
            wrapped = serde_json::Value::Array(vec![wrapped]);
        }
        let s = serde_json::to_string_pretty(&wrapped).unwrap();
        let mut inner = s.as_str();
        for level in 1..=depth {
            let open = format!("[\n{}", "  ".repeat(level));
            let close = format!("\n{}]", "  ".repeat(level - 1));
            inner = inner.strip_prefix(open.as_str()).unwrap();
            inner = inner.strip_suffix(close.as_str()).unwrap();
        }
        inner.to_owned()
    }

    proptest::proptest! {
        /// Whatever the value (nesting, empty containers, brackets, commas, colons, quotes,
        /// escapes and control characters in strings and keys), the compact layout is
        /// `serde_json::to_string`'s and the pretty one `serde_json::to_string_pretty`'s, at
        /// any depth.
        #[test]
        fn both_layouts_are_serdes(v in crate::tests::json_value(), depth in 0usize..4) {
            let (compact, pretty) = both(&v, depth);
            proptest::prop_assert_eq!(compact, serde_json::to_string(&v).unwrap());
            proptest::prop_assert_eq!(pretty, serde_pretty_at(&v, depth));
        }
    }

    /// Values that once broke a layout (kept from the removed `lay_out`'s regressions: an
    /// escaped quote under an empty key), at every depth the documents use.
    #[test]
    fn known_hard_values() {
        let values = [
            serde_json::json!({"": ["\""]}),
            serde_json::json!({"\\": {"\"}": "[,:]"}, "x": []}),
            serde_json::json!([[], {}, [{}], "\u{1}\n\t"]),
        ];
        for v in &values {
            for depth in 0..3 {
                let (compact, pretty) = both(v, depth);
                assert_eq!(compact, serde_json::to_string(v).unwrap());
                assert_eq!(pretty, serde_pretty_at(v, depth), "{v} at {depth}");
            }
        }
    }

    /// Indentation past the one slice of spaces (32 levels), and back.
    #[test]
    fn deep_nesting_is_indented() {
        for depth in [1, 31, 32, 33, 64, 70] {
            let mut v = serde_json::json!({"a": [1, "x\u{1}"], "b": {}, "c": []});
            for i in 0..depth {
                v = if i % 2 == 0 {
                    serde_json::json!([v, i])
                } else {
                    serde_json::json!({"k": v, "n": null, "f": 1.5})
                };
            }
            let (compact, pretty) = both(&v, 0);
            assert_eq!(compact, serde_json::to_string(&v).unwrap(), "depth {depth}");
            assert_eq!(
                pretty,
                serde_json::to_string_pretty(&v).unwrap(),
                "depth {depth}"
            );
        }
    }
}
