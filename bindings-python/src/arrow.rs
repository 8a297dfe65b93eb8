//! The batch path of S5 (`evaluate_register`, `evaluate_batches`): Arrow data in and out
//! through the PyCapsule interface (pyo3-arrow), evaluated by `liaison-arrow` without the
//! GIL. Nothing is read or decided here but where the batches come from.

use crate::error::{raise, OrRaise};
use crate::value::{invalid, Json};
use arrow_array::{RecordBatch, RecordBatchReader};
use liaison::error::LocItem;
use liaison::Error;
use liaison_arrow::{threads, Columnar, Register};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::MutexExt;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::{PyRecordBatch, PyTable};
use std::sync::Mutex;
use std::thread::ThreadId;

type Reader = Box<dyn RecordBatchReader + Send>;

/// Whether an object speaks the Arrow PyCapsule interface; an object whose attribute
/// lookup fails does not.
pub(crate) fn speaks_arrow(obj: &Bound<'_, PyAny>) -> bool {
    has(obj, "__arrow_c_stream__") || has(obj, "__arrow_c_array__")
}

/// `hasattr`, an attribute lookup that fails counting as absent.
fn has(obj: &Bound<'_, PyAny>, name: &str) -> bool {
    obj.hasattr(name).unwrap_or(false)
}

/// `TypeError` for an object that is no Arrow data at all.
fn not_arrow(obj: &Bound<'_, PyAny>, what: &str) -> PyErr {
    let name = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    PyTypeError::new_err(format!(
        "{what} must speak the Arrow PyCapsule interface (__arrow_c_stream__ or \
         __arrow_c_array__: a pyarrow Table or RecordBatch, a polars DataFrame, a pandas \
         DataFrame with pyarrow installed, a duckdb relation), not {name}"
    ))
}

fn not_a_table(at: &[LocItem]) -> Error {
    invalid(
        at,
        "Arrow data that is not a table (an array or a chunked array): give a table, a record batch or a stream of them",
        "Arrow 数据不是表（而是数组或分块数组）：应为表、记录批或其流",
    )
}

/// An Arrow table, record batch or stream as a reader; an array is `invalid_input` at `at`.
fn reader(obj: &Bound<'_, PyAny>, at: &[LocItem]) -> PyResult<Reader> {
    obj.extract::<AnyRecordBatch>()
        .and_then(AnyRecordBatch::into_reader)
        .map_err(|_| raise(obj.py(), &not_a_table(at)))
}

fn batches(reader: Reader, at: &[LocItem]) -> Result<Vec<RecordBatch>, Error> {
    reader.collect::<Result<_, _>>().map_err(|_| {
        invalid(
            at,
            "an Arrow stream that fails while it is read",
            "Arrow 流在读取中出错",
        )
    })
}

/// `pyarrow.table(x)` when pyarrow is importable, else `x` (speaking the same interface).
fn pyarrow<'py>(
    py: Python<'py>,
    function: &str,
    x: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    match py.import("pyarrow") {
        Ok(pyarrow) => pyarrow.getattr(function)?.call1((x,)),
        Err(_) => Ok(x),
    }
}

/// An Arrow table of `check`'s dataset, read whole and handed back as a `pyarrow.Table`
/// for its rows; anything but a table is `invalid_input` at `loc`.
#[pyfunction]
pub fn arrow_table<'py>(table: &Bound<'py, PyAny>, loc: Json) -> PyResult<Bound<'py, PyAny>> {
    let py = table.py();
    let at: Vec<LocItem> = serde_json::from_value(loc.0).unwrap_or_default();
    if !speaks_arrow(table) {
        return Err(not_arrow(table, "a table"));
    }
    let reader = reader(table, &at)?;
    let schema = reader.schema();
    let all = batches(reader, &at).or_raise(py)?;
    let table = Bound::new(py, PyTable::try_new(all, schema)?)?.into_any();
    py.import("pyarrow")?.getattr("table")?.call1((table,))
}

/// The register of a call: the core's reading of `options` (as_of, policy, errors, the
/// column names, keep).
fn register(py: Python<'_>, options: Json) -> PyResult<Register> {
    py.detach(|| Register::from_request(&options.0))
        .or_raise(py)
}

/// `evaluate_register(table, options)`: every row of a table, as one Arrow table.
#[pyfunction]
pub fn evaluate_register<'py>(
    table: &Bound<'py, PyAny>,
    options: Json,
) -> PyResult<Bound<'py, PyAny>> {
    let register = register(table.py(), options)?;
    evaluate_table(table, &register)
}

/// Every row of `table` through `evaluator`, without the GIL, each large batch on several
/// threads, as one `pyarrow.Table` in row order.
pub fn evaluate_table<'py>(
    table: &Bound<'py, PyAny>,
    evaluator: &impl Columnar,
) -> PyResult<Bound<'py, PyAny>> {
    let py = table.py();
    let at = [LocItem::key("table")];
    if !speaks_arrow(table) {
        return Err(not_arrow(table, "`table`"));
    }
    let reader = reader(table, &at)?;
    let input_schema = reader.schema();
    let result = py.detach(|| {
        let schema = evaluator.schema(&input_schema)?;
        let (mut out, mut first_row) = (Vec::new(), 0);
        let threads = threads();
        for batch in batches(reader, &at)? {
            let parts = evaluator.evaluate_parallel(&batch, first_row, threads)?;
            out.extend(parts.into_iter().map(|p| p.batch));
            first_row += batch.num_rows();
        }
        Ok((out, schema))
    });
    let (out, schema) = result.or_raise(py)?;
    let table = Bound::new(py, PyTable::try_new(out, schema)?)?.into_any();
    pyarrow(py, "table", table)
}

/// `_register_core(table, options, threads)`, for `make bench`: the core's
/// `RegisterEvaluator` alone over the rows of `table`, read into plain vectors first
/// (nothing written but a checksum): `(checksum, seconds of the evaluation)`, so that the
/// benchmark can set the way in and out beside the core on the same rows.
#[pyfunction(name = "_register_core")]
pub fn register_core(
    table: &Bound<'_, PyAny>,
    options: Json,
    threads: usize,
) -> PyResult<(u64, f64)> {
    let py = table.py();
    let at = [LocItem::key("table")];
    let register = register(py, options)?;
    let reader = reader(table, &at)?;
    py.detach(|| {
        let (mut sum, mut seconds) = (0u64, 0.0);
        for batch in batches(reader, &at)? {
            let (s, t) = register.core_alone(&batch, threads.max(1))?;
            sum = sum.wrapping_add(s);
            seconds += t.as_secs_f64();
        }
        Ok((sum, seconds))
    })
    .or_raise(py)
}

/// Where `evaluate_batches` takes its batches from.
enum Input {
    /// An Arrow stream (a RecordBatchReader, a table): read a batch at a time.
    Stream(Reader),
    /// A Python iterator of batches (or of streams, read through one by one).
    Iter {
        iter: Py<PyAny>,
        current: Option<Reader>,
    },
    /// Exhausted, or failed.
    Done,
}

struct State {
    input: Input,
    /// Rows read so far: the index of the next batch's first row.
    rows: usize,
}

/// The iterator `evaluate_batches` returns: one output batch per input batch.
#[pyclass(module = "liaison", name = "RegisterBatches", frozen)]
pub struct RegisterBatches {
    register: Register,
    state: Mutex<State>,
    /// The thread reading a batch now: a call from it while it reads is a re-entry.
    reading: Mutex<Option<ThreadId>>,
}

fn next_of(reader: &mut Reader) -> Result<Option<RecordBatch>, Error> {
    reader.next().transpose().map_err(|_| {
        invalid(
            &[LocItem::key("batches")],
            "an Arrow stream that fails while it is read",
            "Arrow 流在读取中出错",
        )
    })
}

impl RegisterBatches {
    /// The next input batch, or `None` at the end.
    fn next_input(py: Python<'_>, input: &mut Input) -> PyResult<Option<RecordBatch>> {
        let at = [LocItem::key("batches")];
        loop {
            match input {
                Input::Done => return Ok(None),
                Input::Stream(reader) => {
                    let next = next_of(reader).or_raise(py)?;
                    if next.is_none() {
                        *input = Input::Done;
                    }
                    return Ok(next);
                }
                Input::Iter { iter, current } => {
                    if let Some(reader) = current {
                        match next_of(reader).or_raise(py)? {
                            Some(batch) => return Ok(Some(batch)),
                            None => *current = None,
                        }
                    }
                    let Some(item) = iter.bind(py).try_iter()?.next() else {
                        *input = Input::Done;
                        return Ok(None);
                    };
                    let item = item?;
                    if has(&item, "__arrow_c_array__") {
                        let batch = item.extract::<PyRecordBatch>();
                        return Ok(Some(
                            batch
                                .map_err(|_| raise(py, &not_a_table(&at)))?
                                .into_inner(),
                        ));
                    }
                    if has(&item, "__arrow_c_stream__") {
                        *current = Some(reader(&item, &at)?);
                        continue;
                    }
                    return Err(not_arrow(&item, "each item of `batches`"));
                }
            }
        }
    }

    fn step<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        // Waits for another thread's batch without holding the GIL.
        let mut state = self.state.lock_py_attached(py).map_err(|_| poisoned(py))?;
        self.mark(py, Some(std::thread::current().id()))?;
        let out = self.advance(py, &mut state);
        self.mark(py, None)?;
        out
    }

    fn mark(&self, py: Python<'_>, reader: Option<ThreadId>) -> PyResult<()> {
        *self.reading.lock().map_err(|_| poisoned(py))? = reader;
        Ok(())
    }

    fn advance<'py>(
        &self,
        py: Python<'py>,
        state: &mut State,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let next = Self::next_input(py, &mut state.input);
        let Some(batch) = next.inspect_err(|_| state.input = Input::Done)? else {
            return Ok(None);
        };
        let first_row = state.rows;
        state.rows += batch.num_rows();
        let threads = threads();
        match py.detach(|| self.register.evaluate_threads(&batch, first_row, threads)) {
            Ok(out) => {
                let out = Bound::new(py, PyRecordBatch::new(out.batch))?.into_any();
                pyarrow(py, "record_batch", out).map(Some)
            }
            Err(e) => {
                state.input = Input::Done;
                Err(raise(py, &e))
            }
        }
    }
}

fn poisoned(py: Python<'_>) -> PyErr {
    let at = [LocItem::key("batches")];
    raise(
        py,
        &invalid(
            &at,
            "the batch iterator failed before",
            "批迭代器此前已出错",
        ),
    )
}

#[pymethods]
impl RegisterBatches {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let me = std::thread::current().id();
        if *self.reading.lock().map_err(|_| poisoned(py))? == Some(me) {
            let e = invalid(
                &[LocItem::key("batches")],
                "the input of `evaluate_batches` asks its own output for a batch while that batch is being read",
                "`evaluate_batches` 的输入在读取时又向其输出索取批次（循环依赖）",
            );
            return Err(raise(py, &e));
        }
        self.step(py)
    }
}

/// `evaluate_batches(batches, options)`: an iterator of one output batch per input batch.
#[pyfunction]
pub fn evaluate_batches(batches: &Bound<'_, PyAny>, options: Json) -> PyResult<RegisterBatches> {
    let py = batches.py();
    let at = [LocItem::key("batches")];
    let register = register(py, options)?;
    let input = if speaks_arrow(batches) {
        Input::Stream(reader(batches, &at)?)
    } else {
        match batches.try_iter() {
            Ok(iter) => Input::Iter {
                iter: iter.into_any().unbind(),
                current: None,
            },
            Err(_) => return Err(not_arrow(batches, "`batches`")),
        }
    };
    Ok(RegisterBatches {
        register,
        state: Mutex::new(State { input, rows: 0 }),
        reading: Mutex::new(None),
    })
}
