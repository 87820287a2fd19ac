package org.latentlab.core.model.lfads;

import ai.djl.ndarray.NDArray;

/**
 * What one forward pass produces, every array with the member axis first.
 *
 * @param raw       readout {@code [M, B, Tr, k N]} (distribution parameters before their link functions)
 * @param factors   {@code [M, B, Tr, F]}
 * @param genStates {@code [M, B, Tr, G]}
 * @param genInit   generator initial state {@code [M, B, G]}
 * @param icMean    {@code [M, B, IC]}
 * @param icStd     {@code [M, B, IC]}
 * @param coMean    controller-output means {@code [M, B, Tr, CO]}, or null without a controller
 * @param coStd     controller-output standard deviations, or null
 * @param inputs    the inputs u_t the generator received ({@code [M, B, Tr, CO]}: samples when sampling, else
 *                  the means); u_t is applied in the step that produces bin t
 * @param conStates controller states {@code [M, B, Tr, C]}, or null
 * @param session   the session the batch came from (its readout made {@code raw})
 */
public record LfadsOutput(NDArray raw, NDArray factors, NDArray genStates, NDArray genInit, NDArray icMean,
                          NDArray icStd, NDArray coMean, NDArray coStd, NDArray inputs, NDArray conStates,
                          int session) {
}
