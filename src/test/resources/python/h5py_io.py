"""h5py side of the HDF5 round-trip tests (run with Debian's python3-h5py).

  h5py_io.py describe FILE   print JSON {key: {shape, dtype, sum}} plus root attributes, reading every
                             array the way lfads-torch's datamodule does (h5file[key][()])
  h5py_io.py write-legacy F  write an autolfads-tf2 style file (train_data/valid_data int counts, gzip)
  h5py_io.py write-torch F   write an lfads-torch style file (encod/recon/truth, gzip, chunked)
"""
import json
import sys

import h5py
import numpy as np


def describe(path):
    out = {"arrays": {}, "attrs": {}}
    with h5py.File(path, "r") as f:
        for key in f.keys():
            value = f[key][()]
            arr = np.asarray(value)
            entry = {"shape": list(arr.shape), "dtype": str(arr.dtype)}
            if arr.dtype.kind in "fiu":
                entry["sum"] = float(np.nansum(arr.astype(np.float64)))
                entry["nan"] = int(np.isnan(arr.astype(np.float64)).sum())
            elif arr.dtype.kind in "SO":
                entry["values"] = [v.decode() if isinstance(v, bytes) else str(v) for v in arr.ravel()]
            out["arrays"][key] = entry
        for key, value in f.attrs.items():
            if isinstance(value, bytes):
                value = value.decode()
            elif isinstance(value, np.generic):
                value = value.item()
            out["attrs"][key] = value
        # lfads-torch's loader needs these for training; fail loudly if they are unusable.
        for split in ("train", "valid"):
            enc = f[f"{split}_encod_data"][()]
            rec = f[f"{split}_recon_data"][()]
            assert enc.ndim == 3 and rec.ndim == 3 and enc.shape[0] == rec.shape[0], split
    print(json.dumps(out, sort_keys=True))


def rng_counts(seed, shape):
    return np.random.default_rng(seed).poisson(1.5, size=shape)


def write_legacy(path):
    with h5py.File(path, "w") as f:
        f.create_dataset("train_data", data=rng_counts(1, (7, 20, 5)).astype(np.int32), compression="gzip")
        f.create_dataset("valid_data", data=rng_counts(2, (3, 20, 5)).astype(np.int32), compression="gzip")
        f.create_dataset("train_truth", data=np.full((7, 20, 5), 2.5), compression="gzip")
        f.create_dataset("valid_truth", data=np.full((3, 20, 5), 2.5), compression="gzip")
        f.create_dataset("train_inds", data=np.arange(7))
        f.create_dataset("valid_inds", data=np.arange(7, 10))
        f.create_dataset("conversion_factor", data=50.0)


def write_torch(path):
    with h5py.File(path, "w") as f:
        for seed, split, n in ((3, "train", 6), (4, "valid", 2)):
            rec = rng_counts(seed, (n, 12, 8)).astype(np.float32)
            f.create_dataset(f"{split}_recon_data", data=rec, compression="gzip", chunks=(1, 12, 8))
            f.create_dataset(f"{split}_encod_data", data=rec[:, :10, :6], compression="gzip")
            f.create_dataset(f"{split}_ext_input", data=np.ones((n, 10, 1), np.float32))
        f.attrs["bin_size_ms"] = 20.0


if __name__ == "__main__":
    cmd, path = sys.argv[1], sys.argv[2]
    {"describe": describe, "write-legacy": write_legacy, "write-torch": write_torch}[cmd](path)
