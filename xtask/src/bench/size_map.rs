//! The size map: where the bytes of the release wasm go, by crate and by function, read from the
//! names-kept wasm Trunk leaves after wasm-bindgen and before wasm-opt
//! (`target/wasm-bindgen/release/sell-sidebar_bg.wasm`, which still has its `name` section).
//!
//! A function's size is its body in the code section ("shallow", as twiggy calls it: locals and
//! instructions, not what it calls). A function belongs to the crate its demangled path starts with;
//! a trait method instance `<Type as Trait>::method` to the crate of `Type` when that is a path, and to
//! "generic <T as …>" otherwise. The data section is one row, every other byte (headers, types,
//! imports, exports, tables, custom sections, the code section's own framing) another. The name section
//! is left out of every total: wasm-opt strips it, so it never ships.
//!
//! `cargo xtask size-map [wasm]` prints the two tables; `cargo xtask bench` prints them too and writes
//! them to `target/bench/latest.json` under `"size_map"`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

use super::table::Table;
use crate::build::kb;
use crate::run::{root, Result};

pub const USAGE: &str = "usage: cargo xtask size-map [wasm]
  wasm   a names-kept wasm (default: target/wasm-bindgen/release/sell-sidebar_bg.wasm, which
         `cargo xtask build` leaves after wasm-bindgen and before wasm-opt)";

/// Where Trunk leaves the release wasm after wasm-bindgen, names kept.
pub const NAMES_KEPT_WASM: &str = "target/wasm-bindgen/release/sell-sidebar_bg.wasm";

pub const CRATE_ROWS: usize = 15;
pub const FUNCTION_ROWS: usize = 20;
/// Longest function name in the table; longer ones keep their start and their end.
const NAME_CHARS: usize = 90;

pub const DATA_ROW: &str = "data segments";
pub const OTHER_ROW: &str = "other sections";
pub const GENERIC_ROW: &str = "generic <T as …>";
pub const UNNAMED_ROW: &str = "(no name)";
pub const BINDGEN_ROW: &str = "wasm-bindgen glue";
/// Exported and C-level symbols without a Rust path: `memcmp`, `__multi3`, `main`, a crate's exports.
pub const NO_PATH_ROW: &str = "(no path: exports, builtins)";

/// One function defined in the module (imports have no body and are not listed).
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    /// Demangled, without the `::h0123…` hash; `function[N]` when the name section has none.
    pub name: String,
    pub krate: String,
    /// Body bytes in the code section, without its size prefix.
    pub bytes: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SizeMap {
    /// The file without its name section.
    pub total: u64,
    /// The name section, header included (not in `total`).
    pub name_section: u64,
    /// The data section, header included.
    pub data: u64,
    /// Every function body, largest first.
    pub functions: Vec<Function>,
}

impl SizeMap {
    /// Everything in `total` that is neither a function body nor the data section.
    pub fn other(&self) -> u64 {
        let code: u64 = self.functions.iter().map(|f| f.bytes).sum();
        self.total.saturating_sub(code + self.data)
    }

    /// Bytes per crate, with the data and other rows, largest first (ties by name).
    pub fn by_crate(&self) -> Vec<(String, u64)> {
        let mut sums: HashMap<&str, u64> = HashMap::new();
        for f in &self.functions {
            *sums.entry(&f.krate).or_default() += f.bytes;
        }
        let mut rows: Vec<(String, u64)> =
            sums.into_iter().map(|(k, b)| (k.to_string(), b)).collect();
        rows.push((DATA_ROW.to_string(), self.data));
        rows.push((OTHER_ROW.to_string(), self.other()));
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rows
    }

    pub fn percent(&self, bytes: u64) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            bytes as f64 * 100.0 / self.total as f64
        }
    }
}

/// Reads a wasm module's sections, function bodies and function names.
pub fn read(wasm: &[u8]) -> std::result::Result<SizeMap, String> {
    let mut imported_functions = 0u32;
    let mut bodies: Vec<u64> = Vec::new();
    let mut names: HashMap<u32, String> = HashMap::new();
    let (mut data, mut name_section) = (0u64, 0u64);
    // Sections follow each other, so a section's header starts where the previous one ended.
    let mut previous_end = 0usize;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("not a readable wasm module: {e}"))?;
        match &payload {
            Payload::Version { range, .. } => previous_end = range.end,
            Payload::ImportSection(reader) => {
                for import in reader.clone().into_imports() {
                    let import = import.map_err(|e| format!("import section: {e}"))?;
                    if matches!(import.ty, TypeRef::Func(_) | TypeRef::FuncExact(_)) {
                        imported_functions += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len() as u64),
            Payload::DataSection(reader) => {
                data = (reader.range().end - previous_end) as u64;
            }
            Payload::CustomSection(reader) => {
                if let KnownCustom::Name(section) = reader.as_known() {
                    name_section = (reader.range().end - previous_end) as u64;
                    for entry in section {
                        let Ok(Name::Function(map)) = entry else {
                            continue;
                        };
                        for naming in map.into_iter().flatten() {
                            names.insert(naming.index, naming.name.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
        if let Some((_, range)) = payload.as_section() {
            previous_end = range.end;
        }
    }
    let mut functions: Vec<Function> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| {
            let index = imported_functions + i as u32;
            match names.get(&index) {
                Some(raw) => {
                    let name = demangle(raw);
                    Function {
                        krate: crate_of(&name),
                        name,
                        bytes,
                    }
                }
                None => Function {
                    name: format!("function[{index}]"),
                    krate: UNNAMED_ROW.to_string(),
                    bytes,
                },
            }
        })
        .collect();
    functions.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    Ok(SizeMap {
        total: (wasm.len() as u64).saturating_sub(name_section),
        name_section,
        data,
        functions,
    })
}

/// A symbol as a Rust path, without the hash and the crate disambiguators (`core[c5930c85a12de822]`):
/// the name section holds mangled (`_ZN…E`, `_R…`) or already demangled names, depending on the linker.
pub fn demangle(raw: &str) -> String {
    let name = format!("{:#}", rustc_demangle::demangle(raw));
    strip_disambiguators(strip_hash(&name))
}

/// `core[c5930c85a12de822]::fmt` → `core::fmt`; `<[u8]>` stays (its `[` follows no identifier).
fn strip_disambiguators(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let after_ident = rest[..open]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let hex_len = rest[open + 1..]
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len() - open - 1);
        let closed = rest[open + 1 + hex_len..].starts_with(']');
        out.push_str(&rest[..open]);
        if after_ident && hex_len > 0 && closed {
            rest = &rest[open + 1 + hex_len + 1..];
        } else {
            out.push('[');
            rest = &rest[open + 1..];
        }
    }
    out.push_str(rest);
    out
}

/// `a::b::h0123456789abcdef` → `a::b`.
fn strip_hash(name: &str) -> &str {
    match name.rsplit_once("::h") {
        Some((path, hash)) if hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()) => {
            path
        }
        _ => name,
    }
}

/// The crate a function's bytes count for: the first path segment; for `<Type as Trait>::…` the
/// crate of `Type` (through `&`, `&mut`, raw pointers and `dyn`) when it is a path.
pub fn crate_of(name: &str) -> String {
    let Some(inner) = name.strip_prefix('<') else {
        return match first_segment(name) {
            Some(krate) => krate.to_string(),
            None if is_bindgen_glue(name) => BINDGEN_ROW.to_string(),
            None => NO_PATH_ROW.to_string(),
        };
    };
    let mut ty = inner;
    for prefix in ["&mut ", "&", "*const ", "*mut ", "dyn "] {
        if let Some(rest) = ty.strip_prefix(prefix) {
            ty = rest;
        }
    }
    first_segment(ty).map_or(GENERIC_ROW.to_string(), str::to_string)
}

/// What wasm-bindgen names its generated shims and exports: `Closure(…) -> Externref`,
/// `… externref shim`, `__wbindgen_malloc`, `__wbg_…_free`, `__externref_table_alloc`.
fn is_bindgen_glue(name: &str) -> bool {
    name.contains(' ')
        || name.contains('(')
        || ["__wbindgen", "__wbg_", "__externref"]
            .iter()
            .any(|p| name.starts_with(p))
}

/// `serde_json::de::…` → `serde_json`; `None` when the text does not start with `ident::`.
fn first_segment(path: &str) -> Option<&str> {
    let end = path
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(path.len());
    let ident = &path[..end];
    (!ident.is_empty() && path[end..].starts_with("::")).then_some(ident)
}

/// At most `max` chars: the start (the crate and module) and the end (the function or closure).
pub fn short_name(name: &str, max: usize) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= max {
        return name.to_string();
    }
    let head = max / 4;
    let tail = max - head - 1;
    let start: String = chars[..head].iter().collect();
    let end: String = chars[chars.len() - tail..].iter().collect();
    format!("{start}…{end}")
}

fn percent(map: &SizeMap, bytes: u64) -> String {
    format!("{:.1} %", map.percent(bytes))
}

pub const CRATE_TITLE: &str = "Size by crate (names-kept wasm, before wasm-opt)";
pub const FUNCTION_TITLE: &str = "Largest functions (names-kept wasm, before wasm-opt)";

/// The two tables: the top crates and the largest functions.
pub fn tables(map: &SizeMap, wasm: &Path) -> [Table; 2] {
    let rows = map.by_crate();
    let mut crates = Table::new(CRATE_TITLE, &["crate", "bytes", "%"]);
    for (krate, bytes) in rows.iter().take(CRATE_ROWS) {
        crates.row(vec![krate.clone(), kb(*bytes), percent(map, *bytes)]);
    }
    if rows.len() > CRATE_ROWS {
        let rest: u64 = rows[CRATE_ROWS..].iter().map(|r| r.1).sum();
        crates.row(vec![
            format!("{} more crates", rows.len() - CRATE_ROWS),
            kb(rest),
            percent(map, rest),
        ]);
    }
    crates.row(vec!["total".into(), kb(map.total), "100.0 %".into()]);
    crates.note = format!(
        "{}: {} function bodies (shallow: each body alone, not what it calls), by the crate of their \
         demangled path; `<Type as Trait>` instances count for Type's crate. The name section ({}) is \
         left out of the total: wasm-opt strips it",
        wasm.display(),
        map.functions.len(),
        kb(map.name_section)
    );
    let mut functions = Table::new(FUNCTION_TITLE, &["function", "crate", "bytes", "%"]);
    for f in map.functions.iter().take(FUNCTION_ROWS) {
        functions.row(vec![
            short_name(&f.name, NAME_CHARS),
            f.krate.clone(),
            kb(f.bytes),
            percent(map, f.bytes),
        ]);
    }
    functions.note =
        "body bytes of one function; closures are their own functions, and rows with the \
                       same name are different generic instances"
            .into();
    [crates, functions]
}

/// For `latest.json`: every crate row and the largest functions, full names.
pub fn json(map: &SizeMap, wasm: &Path) -> Value {
    let crates: Vec<Value> = map
        .by_crate()
        .into_iter()
        .map(|(krate, bytes)| {
            json!({"crate": krate, "bytes": bytes, "percent": round1(map.percent(bytes))})
        })
        .collect();
    let functions: Vec<Value> = map
        .functions
        .iter()
        .take(FUNCTION_ROWS)
        .map(|f| {
            json!({"function": f.name, "crate": f.krate, "bytes": f.bytes,
                   "percent": round1(map.percent(f.bytes))})
        })
        .collect();
    json!({
        "wasm": wasm.display().to_string(),
        "total_bytes": map.total,
        "name_section_bytes": map.name_section,
        "functions_count": map.functions.len(),
        "crates": crates,
        "largest_functions": functions,
    })
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn load(wasm: &Path) -> Result<SizeMap> {
    let bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    read(&bytes).map_err(|e| format!("{}: {e}", wasm.display()))
}

/// For `cargo xtask bench`: the tables and the JSON, or, when the wasm is missing or unreadable, a
/// table that says so (the bench goes on).
pub fn for_bench() -> (Vec<Table>, Value) {
    report(&root().join(NAMES_KEPT_WASM))
}

fn report(wasm: &Path) -> (Vec<Table>, Value) {
    match load(wasm) {
        Ok(map) => (tables(&map, wasm).into(), json(&map, wasm)),
        Err(e) => {
            let mut table = Table::new(CRATE_TITLE, &["crate", "bytes", "%"]);
            table.note = format!("no size map: {e}");
            (
                vec![table],
                json!({"wasm": wasm.display().to_string(), "error": e}),
            )
        }
    }
}

/// `cargo xtask size-map [wasm] [--crate NAME]`: the two tables, no build; with `--crate`, the 60
/// largest functions of that crate (or row) instead, for a closer look during size work.
pub fn run(args: &[String]) -> Result {
    let mut wasm = root().join(NAMES_KEPT_WASM);
    let mut only: Option<&str> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--crate" => only = Some(it.next().ok_or(USAGE)?),
            path if !path.starts_with('-') => wasm = PathBuf::from(path),
            _ => return Err(USAGE.into()),
        }
    }
    let map = load(&wasm).map_err(|e| {
        format!("{e}\n(cargo xtask build leaves the names-kept wasm at {NAMES_KEPT_WASM})")
    })?;
    if let Some(krate) = only {
        let mut total = 0;
        for f in map.functions.iter().filter(|f| f.krate == krate) {
            total += f.bytes;
        }
        println!("{krate}: {total} bytes");
        for f in map.functions.iter().filter(|f| f.krate == krate).take(60) {
            println!("{:>7}  {}", f.bytes, short_name(&f.name, 140));
        }
        return Ok(());
    }
    for table in tables(&map, &wasm) {
        println!("{}", table.text());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{
        CodeSection, ConstExpr, CustomSection, DataSection, EntityType, Function as Body,
        FunctionSection, ImportSection, IndirectNameMap, Instruction, MemorySection, MemoryType,
        Module, NameMap, NameSection, TypeSection,
    };

    /// A body of `n` `nop`s: no locals (1 byte), the nops, `end` (1 byte).
    fn body(nops: usize) -> Body {
        let mut f = Body::new([]);
        for _ in 0..nops {
            f.instruction(&Instruction::Nop);
        }
        f.instruction(&Instruction::End);
        f
    }

    /// One imported function (index 0), three defined ones (1, 2, 3) of 12, 102 and 7 body bytes,
    /// 40 bytes of data, a custom section, and (last) names for 0, 1 and 2 (3 has none).
    fn module() -> Vec<u8> {
        module_with_names(true)
    }

    fn module_with_names(with_names: bool) -> Vec<u8> {
        let mut module = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        module.section(&types);
        let mut imports = ImportSection::new();
        imports.import("env", "f", EntityType::Function(0));
        module.section(&imports);
        let mut functions = FunctionSection::new();
        for _ in 0..3 {
            functions.function(0);
        }
        module.section(&functions);
        let mut memory = MemorySection::new();
        memory.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        module.section(&memory);
        let mut code = CodeSection::new();
        for nops in [10, 100, 5] {
            code.function(&body(nops));
        }
        module.section(&code);
        let mut data = DataSection::new();
        data.active(0, &ConstExpr::i32_const(16), [7u8; 40]);
        module.section(&data);
        module.section(&CustomSection {
            name: "producers-ish".into(),
            data: [0u8; 9].as_slice().into(),
        });
        if !with_names {
            return module.finish();
        }
        let mut names = NameMap::new();
        names.append(0, "env::f");
        names.append(
            1,
            "_ZN12sell_sidebar10components11lookup_view11LookupPanel28_$u7b$$u7b$closure$u7d$$u7d$17h0123456789abcdefE",
        );
        names.append(2, "<serde_json::de::Deserializer<R> as serde::de::Deserializer>::deserialize_seq::h00112233445566ff");
        let mut section = NameSection::new();
        section.module("m");
        section.functions(&names);
        section.locals(&IndirectNameMap::new());
        module.section(&section);
        module.finish()
    }

    #[test]
    fn bodies_are_named_by_their_index_past_the_imports_and_sorted_largest_first() {
        let map = read(&module()).expect("a valid module");
        let listed: Vec<(&str, &str, u64)> = map
            .functions
            .iter()
            .map(|f| (f.name.as_str(), f.krate.as_str(), f.bytes))
            .collect();
        assert_eq!(
            listed,
            [
                (
                    "<serde_json::de::Deserializer<R> as serde::de::Deserializer>::deserialize_seq",
                    "serde_json",
                    102
                ),
                (
                    "sell_sidebar::components::lookup_view::LookupPanel::{{closure}}",
                    "sell_sidebar",
                    12
                ),
                ("function[3]", UNNAMED_ROW, 7),
            ]
        );
    }

    #[test]
    fn the_total_leaves_out_the_name_section_and_the_rest_is_data_and_other() {
        let wasm = module();
        let map = read(&wasm).expect("a valid module");
        let without_names = module_with_names(false);
        assert_eq!(map.name_section, (wasm.len() - without_names.len()) as u64);
        assert_eq!(map.total, wasm.len() as u64 - map.name_section);
        // id, size, count, then one active segment: flags, i32.const 16, end, length, 40 bytes.
        assert_eq!(map.data, 1 + 1 + 1 + (1 + 3 + 1 + 40));
        let rows = map.by_crate();
        let sum: u64 = rows.iter().map(|r| r.1).sum();
        assert_eq!(sum, map.total, "{rows:?}");
        assert_eq!(rows[0], ("serde_json".to_string(), 102));
        assert!(rows.contains(&(DATA_ROW.to_string(), 48)));
        assert!(rows.contains(&(OTHER_ROW.to_string(), map.total - 102 - 12 - 7 - 48)));
    }

    #[test]
    fn garbage_is_an_error_not_a_map() {
        assert!(read(b"\0asm\x01\0\0\0\x0a\xff").is_err());
        assert!(read(b"not wasm").is_err());
    }

    #[test]
    fn trait_instances_count_for_the_implementing_type() {
        let cases = [
            ("sell_sidebar::app::App", "sell_sidebar"),
            ("core::ptr::drop_in_place<sidebar_core::x::Y>", "core"),
            (
                "<sell_sidebar::x::Y as leptos::IntoView>::into_view",
                "sell_sidebar",
            ),
            ("<alloc::vec::Vec<T> as core::clone::Clone>::clone", "alloc"),
            (
                "<&mut serde_json::ser::Serializer<W> as serde::Serializer>::x",
                "serde_json",
            ),
            ("<&T as core::fmt::Display>::fmt", GENERIC_ROW),
            ("<str as core::fmt::Debug>::fmt", GENERIC_ROW),
            ("<[T] as core::fmt::Debug>::fmt", GENERIC_ROW),
            ("<(A, B) as tachys::view::Render>::build", GENERIC_ROW),
            ("dlmalloc::dlmalloc::Dlmalloc<A>::malloc", "dlmalloc"),
            (
                "<dlmalloc::dlmalloc::Dlmalloc<dlmalloc::sys::System>>::malloc",
                "dlmalloc",
            ),
            ("memcpy", NO_PATH_ROW),
            ("__multi3", NO_PATH_ROW),
            ("__wbindgen_malloc", BINDGEN_ROW),
            ("intounderlyingsink_write externref shim", BINDGEN_ROW),
            ("Closure(Closure { owned: true }) -> Externref", BINDGEN_ROW),
        ];
        for (name, krate) in cases {
            assert_eq!(crate_of(name), krate, "{name}");
        }
    }

    #[test]
    fn names_lose_their_hash_only() {
        assert_eq!(
            demangle("_ZN4core3fmt5write17h0123456789abcdefE"),
            "core::fmt::write"
        );
        assert_eq!(demangle("a::b::h0123456789abcdef"), "a::b");
        assert_eq!(demangle("a::b::hello"), "a::b::hello");
        assert_eq!(demangle("memcpy"), "memcpy");
        assert_eq!(
            demangle("<dlmalloc[e24a27700634d609]::Dlmalloc<dlmalloc[e24a27700634d609]::sys::System>>::malloc"),
            "<dlmalloc::Dlmalloc<dlmalloc::sys::System>>::malloc"
        );
        assert_eq!(
            demangle("<[u8] as core[c5930c85a12de822]::fmt::Debug>::fmt"),
            "<[u8] as core::fmt::Debug>::fmt"
        );
        assert_eq!(demangle("<[T; 4]>::map"), "<[T; 4]>::map");
        assert_eq!(demangle("a[12"), "a[12");
    }

    #[test]
    fn long_names_keep_their_start_and_their_closure() {
        let name = format!(
            "sell_sidebar::components::{}::LookupPanel::{{{{closure}}}}",
            "x".repeat(100)
        );
        let short = short_name(&name, 90);
        assert_eq!(short.chars().count(), 90);
        assert!(short.starts_with("sell_sidebar::"), "{short}");
        assert!(short.ends_with("x::LookupPanel::{{closure}}"), "{short}");
        assert!(short.contains('…'));
        assert_eq!(short_name("core::fmt::write", 90), "core::fmt::write");
    }

    #[test]
    fn the_tables_rank_crates_and_functions_with_shares_of_the_total() {
        let map = read(&module()).expect("a valid module");
        let [crates, functions] = tables(&map, Path::new("m.wasm"));
        assert_eq!(crates.rows[0][0], "serde_json");
        assert_eq!(
            crates.rows[0][2],
            format!("{:.1} %", 102.0 * 100.0 / map.total as f64)
        );
        assert_eq!(crates.rows.last().unwrap()[0], "total");
        assert!(crates.note.contains("name section"), "{}", crates.note);
        assert_eq!(functions.rows.len(), 3);
        assert_eq!(functions.rows[1][1], "sell_sidebar");
        let value = json(&map, Path::new("m.wasm"));
        assert_eq!(value["largest_functions"][0]["bytes"], 102);
        assert_eq!(value["crates"].as_array().unwrap().len(), 5);
        assert_eq!(value["total_bytes"], map.total);
    }

    #[test]
    fn a_missing_wasm_is_a_note_not_an_error() {
        let missing = Path::new("/nonexistent/sell-sidebar_bg.wasm");
        let (tables, value) = report(missing);
        assert_eq!(tables.len(), 1);
        assert!(tables[0].rows.is_empty());
        assert!(
            tables[0]
                .note
                .starts_with("no size map: /nonexistent/sell-sidebar_bg.wasm: "),
            "{}",
            tables[0].note
        );
        assert!(value["error"].is_string(), "{value}");
    }

    #[test]
    fn more_crates_than_rows_end_in_one_rest_row() {
        let functions = (0..20)
            .map(|i| Function {
                name: format!("c{i}::f"),
                krate: format!("c{i}"),
                bytes: 100 + i,
            })
            .collect();
        let map = SizeMap {
            total: 10_000,
            name_section: 0,
            data: 0,
            functions,
        };
        let [crates, _] = tables(&map, Path::new("m.wasm"));
        // 20 crates + data + other = 22 rows: 15 shown, 7 in the rest row, then the total.
        assert_eq!(crates.rows.len(), CRATE_ROWS + 2);
        assert_eq!(crates.rows[0][0], OTHER_ROW);
        assert_eq!(crates.rows[CRATE_ROWS][0], "7 more crates");
    }
}
