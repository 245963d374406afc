//! Serde support for `#[automat::machine(serde)]`: the code shared by every machine's
//! `Serialize` and `Deserialize` impls, so each machine generates only a table of its states.
//!
//! `State` is written as serde writes any enum, externally tagged: the state struct's name,
//! holding the state's data. `Dynamic` is a struct of `state` and, when the machine has a core,
//! `core`. In JSON: `{"state": {"Unlocked": {"credit": 25}}, "core": {"passes": 3}}`.
//!
//! The alternative, `{"state": "Unlocked", "data": {...}}`, reads well but cannot be read back
//! when a format hands `data` over before `state` (`serde_json::Value` sorts its keys) without
//! buffering the data in serde's private `Content` type. The externally tagged form needs no
//! buffer and works in every format, self-describing or not.

use core::fmt;
use core::marker::PhantomData;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

/// The states of one machine, as the generated `State` enum knows them, readable from data
/// that lives for `'de` (a state that borrows can be read only from data that outlives it).
pub trait States<'de>: Sized {
    /// The state structs' names, in declaration order.
    const NAMES: &'static [&'static str];

    /// Reads the data of the state at `index` in [`States::NAMES`].
    ///
    /// # Errors
    ///
    /// The deserializer's error when the data does not fit the state.
    fn deserialize_data<D: Deserializer<'de>>(index: usize, data: D) -> Result<Self, D::Error>;
}

/// Writes the state at `index`, named `name`, holding `data`.
///
/// # Errors
///
/// The serializer's error.
pub fn serialize_state<S: Serializer, T: Serialize + ?Sized>(
    serializer: S,
    index: u32,
    name: &'static str,
    data: &T,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_newtype_variant("State", index, name, data)
}

/// Reads a state written by [`serialize_state`].
///
/// # Errors
///
/// An unknown state name, or data that does not fit the state.
pub fn deserialize_state<'de, D: Deserializer<'de>, S: States<'de>>(
    deserializer: D,
) -> Result<S, D::Error> {
    deserializer.deserialize_enum("State", S::NAMES, StateVisitor::<S>(PhantomData))
}

/// Writes a machine: its state, and its core when it has one.
///
/// # Errors
///
/// The serializer's error.
pub fn serialize_machine<S, T, C>(
    serializer: S,
    state: &T,
    core: Option<&C>,
) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    T: Serialize + ?Sized,
    C: Serialize + ?Sized,
{
    let mut machine = serializer.serialize_struct("Dynamic", if core.is_some() { 2 } else { 1 })?;
    machine.serialize_field("state", state)?;
    if let Some(core) = core {
        machine.serialize_field("core", core)?;
    }
    machine.end()
}

/// Reads a machine written by [`serialize_machine`]: its state, and its core when `with_core`.
///
/// # Errors
///
/// An unknown state name, data that does not fit, or a missing, unknown or repeated field.
pub fn deserialize_machine<'de, D, S, C>(
    deserializer: D,
    with_core: bool,
) -> Result<(S, Option<C>), D::Error>
where
    D: Deserializer<'de>,
    S: States<'de>,
    C: Deserialize<'de>,
{
    let fields: &'static [&'static str] = if with_core {
        &["state", "core"]
    } else {
        &["state"]
    };
    deserializer.deserialize_struct(
        "Dynamic",
        fields,
        MachineVisitor::<S, C> {
            with_core,
            marker: PhantomData,
        },
    )
}

struct StateVisitor<S>(PhantomData<fn() -> S>);

impl<'de, S: States<'de>> Visitor<'de> for StateVisitor<S> {
    type Value = S;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a state: its name, holding its data")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<S, A::Error> {
        let (index, variant) = data.variant_seed(StateName::<S>(PhantomData))?;
        variant.newtype_variant_seed(Data::<S> {
            index,
            marker: PhantomData,
        })
    }
}

/// Deserializes a `State` on its own, for the `state` field of a machine.
struct StateSeed<S>(PhantomData<fn() -> S>);

impl<'de, S: States<'de>> DeserializeSeed<'de> for StateSeed<S> {
    type Value = S;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S, D::Error> {
        deserialize_state(deserializer)
    }
}

struct MachineVisitor<S, C> {
    with_core: bool,
    marker: PhantomData<fn() -> (S, C)>,
}

impl<S, C> MachineVisitor<S, C> {
    fn fields(&self) -> &'static [&'static str] {
        if self.with_core {
            &["state", "core"]
        } else {
            &["state"]
        }
    }
}

impl<'de, S: States<'de>, C: Deserialize<'de>> Visitor<'de> for MachineVisitor<S, C> {
    type Value = (S, Option<C>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.with_core {
            "a machine: its state and core"
        } else {
            "a machine: its state"
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let state = seq
            .next_element_seed(StateSeed::<S>(PhantomData))?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let core = if self.with_core {
            Some(
                seq.next_element()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?,
            )
        } else {
            None
        };
        Ok((state, core))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut state, mut core) = (None, None);
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::State if state.is_some() => return Err(de::Error::duplicate_field("state")),
                Field::State => state = Some(map.next_value_seed(StateSeed::<S>(PhantomData))?),
                Field::Core if !self.with_core => {
                    return Err(de::Error::unknown_field("core", self.fields()));
                }
                Field::Core if core.is_some() => return Err(de::Error::duplicate_field("core")),
                Field::Core => core = Some(map.next_value()?),
            }
        }
        let state = state.ok_or_else(|| de::Error::missing_field("state"))?;
        if self.with_core && core.is_none() {
            return Err(de::Error::missing_field("core"));
        }
        Ok((state, core))
    }
}

/// A field of a written machine.
enum Field {
    State,
    Core,
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl Visitor<'_> for FieldVisitor {
            type Value = Field;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("`state` or `core`")
            }

            fn visit_str<E: de::Error>(self, field: &str) -> Result<Field, E> {
                match field {
                    "state" => Ok(Field::State),
                    "core" => Ok(Field::Core),
                    other => Err(E::unknown_field(other, &["state", "core"])),
                }
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// Reads a state's name into its index in [`States::NAMES`].
struct StateName<S>(PhantomData<fn() -> S>);

impl<'de, S: States<'de>> DeserializeSeed<'de> for StateName<S> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, S: States<'de>> Visitor<'de> for StateName<S> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the name of a state")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<usize, E> {
        S::NAMES
            .iter()
            .position(|known| *known == name)
            .ok_or_else(|| E::unknown_variant(name, S::NAMES))
    }

    fn visit_u64<E: de::Error>(self, index: u64) -> Result<usize, E> {
        usize::try_from(index)
            .ok()
            .filter(|&index| index < S::NAMES.len())
            .ok_or_else(|| {
                E::invalid_value(de::Unexpected::Unsigned(index), &"the index of a state")
            })
    }
}

/// Reads the data of the state at `index`.
struct Data<S> {
    index: usize,
    marker: PhantomData<fn() -> S>,
}

impl<'de, S: States<'de>> DeserializeSeed<'de> for Data<S> {
    type Value = S;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S, D::Error> {
        S::deserialize_data(self.index, deserializer)
    }
}
