//! The wasm boundary in Node (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

mod wasm;
