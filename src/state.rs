//! `State<T>`: a value the views react to, like Leptos's `RwSignal<T>` and tracked by Leptos's own
//! trigger, but stored type-erased. `RwSignal` brings its own copy of the arena lookup, lock, read,
//! write and notify code for every `T` it holds; here all of that is written once, for `dyn Any`, and
//! only a type check is per `T` (#16: the wasm's size).
//!
//! Same rules as `RwSignal`: `Copy`, owned by the reactive owner it was made under and gone with it;
//! reading a gone state panics, writing one does nothing (`try_set` hands the value back).

use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use std::marker::PhantomData;
use std::rc::Rc;

/// The one shape every state has in Leptos's arena.
struct Slot {
    changed: ArcTrigger,
    value: RefCell<Box<dyn Any>>,
}

type Cell = StoredValue<Rc<Slot>, LocalStorage>;

pub struct State<T> {
    cell: Cell,
    // `fn() -> T`: the value lives in the arena, not here, so `State` is `Copy`, `Send` and `Sync`
    // whatever `T` is, as `RwSignal` is.
    of: PhantomData<fn() -> T>,
}

impl<T> Clone for State<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for State<T> {}

impl<T: 'static> State<T> {
    pub fn new(value: T) -> Self {
        Self { cell: store(Box::new(value)), of: PhantomData }
    }

    /// Reads the value and subscribes the running effect to it.
    pub fn with<U>(self, read: impl FnOnce(&T) -> U) -> U {
        self.read(true, read)
    }

    /// Subscribes the running effect without reading.
    pub fn track(self) {
        slot(self.cell, true);
    }

    /// Reads the value without subscribing.
    pub fn with_untracked<U>(self, read: impl FnOnce(&T) -> U) -> U {
        self.read(false, read)
    }

    fn read<U>(self, track: bool, read: impl FnOnce(&T) -> U) -> U {
        let slot = slot(self.cell, track);
        let value = slot.value.borrow();
        read(value.downcast_ref().unwrap_or_else(|| wrong_type()))
    }

    /// Changes the value in place and tells whoever reads it. Nothing happens once the state's owner
    /// is gone (a late answer for a closed view).
    pub fn update(self, change: impl FnOnce(&mut T)) {
        self.maybe_update(|value| {
            change(value);
            true
        });
    }

    /// `update` for a change that may turn out to be none: readers hear of it only when `change`
    /// says it changed something.
    pub fn maybe_update(self, change: impl FnOnce(&mut T) -> bool) {
        if let Some(slot) = live_slot(self.cell) {
            if change(slot.value.borrow_mut().downcast_mut().unwrap_or_else(|| wrong_type())) {
                slot.changed.notify();
            }
        }
    }

    pub fn set(self, value: T) {
        self.update(|held| *held = value);
    }

    /// `set`, handing the value back when the state is gone.
    pub fn try_set(self, value: T) -> Option<T> {
        if live_slot(self.cell).is_none() {
            return Some(value);
        }
        self.set(value);
        None
    }
}

impl<T: Clone + 'static> State<T> {
    pub fn get(self) -> T {
        self.with(T::clone)
    }

    pub fn get_untracked(self) -> T {
        self.with_untracked(T::clone)
    }

    /// `get_untracked`, or nothing once the state is gone.
    pub fn try_get_untracked(self) -> Option<T> {
        live_slot(self.cell)?;
        Some(self.get_untracked())
    }
}

/// A value kept as long as the view that made it, read and written without reacting (Leptos's
/// `StoredValue`, type-erased like `State`).
pub struct Stored<T>(State<T>);

impl<T> Clone for Stored<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Stored<T> {}

impl<T: 'static> Stored<T> {
    pub fn new(value: T) -> Self {
        Self(State::new(value))
    }

    pub fn with_value<U>(self, read: impl FnOnce(&T) -> U) -> U {
        self.0.with_untracked(read)
    }

    /// `with_value`, or nothing once the view is gone.
    pub fn try_with_value<U>(self, read: impl FnOnce(&T) -> U) -> Option<U> {
        live_slot(self.0.cell)?;
        Some(self.0.with_untracked(read))
    }

    pub fn set_value(self, value: T) {
        // Nothing reacts to a stored value: no one to tell.
        self.0.maybe_update(|held| {
            *held = value;
            false
        });
    }
}

impl<T: Clone + 'static> Stored<T> {
    pub fn get_value(self) -> T {
        self.0.get_untracked()
    }

    pub fn try_get_value(self) -> Option<T> {
        self.0.try_get_untracked()
    }
}

/// Runs `run` once the view is built and again whenever a state it read changes, for as long as the
/// owner lives: Leptos's `Effect`, boxed so that it is compiled once for every effect.
pub fn watch(mut run: Box<dyn FnMut()>) {
    Effect::new(move |_| run());
}

// What follows is not generic: one copy for every state.

fn store(value: Box<dyn Any>) -> Cell {
    StoredValue::new_local(Rc::new(Slot { changed: ArcTrigger::new(), value: RefCell::new(value) }))
}

fn live_slot(cell: Cell) -> Option<Rc<Slot>> {
    cell.try_get_value()
}

fn slot(cell: Cell, track: bool) -> Rc<Slot> {
    let slot = live_slot(cell).unwrap_or_else(|| gone());
    if track {
        slot.changed.track();
    }
    slot
}

#[cold]
fn gone() -> ! {
    panic!("a State was read after its view was gone")
}

#[cold]
fn wrong_type() -> ! {
    unreachable!("a State holds the type it was made with")
}
