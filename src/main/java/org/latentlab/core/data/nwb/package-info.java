/**
 * Reading NWB 2.x recordings (units, trials, behaviour) and binning them into a {@link
 * org.latentlab.core.data.Session}.
 *
 * <p>Conventions, chosen once and used everywhere in this package:
 * <ul>
 *   <li><b>Window.</b> Trial {@code i}'s window is {@code [lo, hi)} with {@code lo = align + startMs / 1000.0}
 *       and {@code hi = align + endMs / 1000.0}, computed in double seconds. A spike (or behaviour sample) at
 *       time {@code t} is in the window exactly when {@code lo <= t && t < hi}, compared in double with no
 *       tolerance, so the binned total equals a plain count with that test.</li>
 *   <li><b>Bins.</b> {@code (endMs - startMs) / binMs} must be a whole number (within 1e-6). Inside the window a
 *       sample goes to bin {@code floor((t - lo + 1 ns) / binSeconds)}, clamped to the last bin. The 1 ns slack
 *       puts a spike that sits on a bin edge in decimal (e.g. 1.005 s) into the bin it starts, as exact
 *       arithmetic would, instead of letting binary rounding drop it one bin early.</li>
 *   <li><b>Trial bounds.</b> The window must lie inside {@code [start_time, stop_time]}; an overrun of at most
 *       1 microsecond (float rounding: MC_Maze's stop times fall 1e-14 s short of onset + 450 ms) is
 *       accepted, anything larger is an error naming the trial.</li>
 *   <li><b>NaN alignment.</b> Trials whose alignment value is NaN (e.g. no movement onset) are skipped and
 *       counted in the session attribute {@code trials_skipped_nan_align}; if every trial is NaN it is an
 *       error.</li>
 *   <li><b>Held-out units.</b> By default the file's {@code heldout} column decides; an explicit option
 *       (none, a random count, a list of ids) replaces the column entirely.</li>
 *   <li><b>Behaviour.</b> Each bin holds the mean of the non-NaN samples in it (NaN when it has none).</li>
 * </ul>
 */
package org.latentlab.core.data.nwb;
