// @ts-check
/**
 * The front end's types: the messages of docs/protocol.md, the state the views
 * draw, and what a view gets. Only JSDoc: nothing here runs, and the browser
 * never loads this module. Other modules name these types in a JSDoc import
 * tag ({ State, ViewApi } from "../../lib/types.js"), and `tsc`
 * (tests/test_frontend.py) checks every module against them.
 */

// -- the model a host hands to render() -------------------------------------------

/**
 * The narrow anywidget model API that every host supplies: the page's socket
 * model (lib/socketModel.js), a notebook widget's model, a replay.
 * @typedef {object} Model
 * @property {(name: string) => any} get a model value: a setting, or a host's ui_options
 * @property {(name: string, value: unknown) => void} set
 * @property {() => void} save_changes send the values set since the last call
 * @property {(event: string, fn: (...args: any[]) => void) => void} on
 *   "msg:custom" gets (message, buffers); "change:<name>" and "change" get (model, value)
 * @property {(event?: string, fn?: (...args: any[]) => void) => void} off
 * @property {(content: Outgoing) => void} send a message to the session
 */

/**
 * What a host may ask of the display, as the model value "ui_options" (app.js applyOptions).
 * @typedef {object} UiOptions
 * @property {"full" | "embed"} [layout]
 * @property {string[]} [hidden] names of controls to hide (docs/urls.md)
 * @property {boolean} [hideText] hide the help buttons and the title
 */

// -- messages from a view to the session ---------------------------------------------

/**
 * A message to the session (docs/protocol.md, "From a view to the session"):
 * its type, and the fields that type needs.
 * @typedef {{ type: string } & Record<string, unknown>} Outgoing
 */

// -- messages from the session to a view -----------------------------------------------

/**
 * @typedef {WelcomeMessage | DataMessage | FrameMessage | NoticeMessage | ErrorMessage
 *   | Explanation | ChainMessage | DeltaMessage | SavedMessage | ConnectionMessage} Incoming
 */

/** @typedef {{ type: "welcome", protocol: number, catalog: Catalog }} WelcomeMessage */
/** @typedef {{ type: "notice", message: string }} NoticeMessage */
/** @typedef {{ type: "error", request: string | null, message: string }} ErrorMessage */
/** @typedef {{ type: "saved", session: SessionDocument }} SavedMessage */

/**
 * Not from the session: the host's model says when the connection opens or closes.
 * @typedef {{ type: "connection", state: "open" | "closed", reason?: string }} ConnectionMessage
 */

/**
 * A saved session (docs/protocol.md, "Saved sessions"); the page only moves it around.
 * @typedef {{ settings: Settings, training: { epoch: number }, history?: object } & Record<string, unknown>} SessionDocument
 */

/**
 * Everything a view needs to offer choices (docs/protocol.md, catalog).
 * @typedef {object} Catalog
 * @property {DatasetSpec[]} datasets
 * @property {FeatureSpec[]} features
 * @property {ActivationSpec[]} activations
 * @property {{ name: string, formula: string }[]} losses
 * @property {Record<DataKind, [string, string][]>} outputs per kind, the allowed [output_activation, loss] pairs
 * @property {string[]} optimizers
 * @property {{ name: string, formula: string }[]} regularizers
 * @property {(number | "max")[]} speeds
 * @property {{ name: string, default: unknown, description: string }[]} settings
 * @property {Record<string, number>} limits every limit of docs/limits.md, such as MAX_NEURONS
 */

/**
 * @typedef {object} DatasetSpec
 * @property {string} name
 * @property {string} label
 * @property {"classification" | "regression"} problem
 * @property {number} classes
 * @property {string} description
 * @property {{ points: number[][], targets: number[] }} preview a few of its real points
 */

/** @typedef {{ name: string, label: string, needs: string[] }} FeatureSpec */

/**
 * @typedef {object} ActivationSpec
 * @property {string} name
 * @property {string} label
 * @property {string} formula
 * @property {string} derivative_formula
 * @property {boolean} hidden whether hidden layers may use it
 */

/** @typedef {"binary" | "multiclass" | "regression"} DataKind */

/**
 * Every setting, by name (docs/protocol.md, Settings). The session checks
 * values; the page shows what it answers.
 * @typedef {object} Settings
 * @property {string} [dataset]
 * @property {"classification" | "regression"} [problem]
 * @property {number} [classes]
 * @property {number} [noise]
 * @property {number} [train_percent]
 * @property {number} [seed]
 * @property {string[]} [features]
 * @property {number[]} [hidden_layers]
 * @property {string[]} [activations]
 * @property {string} [output_activation]
 * @property {string} [loss]
 * @property {string} [init]
 * @property {number} [learning_rate]
 * @property {string} [optimizer]
 * @property {string} [regularization]
 * @property {number} [regularization_rate]
 * @property {number} [batch_size]
 * @property {number | "max"} [speed]
 * @property {boolean} [show_test]
 * @property {boolean} [discretize]
 */

/**
 * The points (docs/protocol.md, data).
 * @typedef {object} DataMessage
 * @property {"data"} type
 * @property {number} version
 * @property {string} name dataset or file name
 * @property {"generated" | "file" | "drawn"} source
 * @property {"classification" | "regression"} problem
 * @property {DataKind} kind
 * @property {string[]} input_names
 * @property {string[]} class_names
 * @property {number[][]} points [x1, x2], or [x1] for 1-D data
 * @property {number[]} targets a class index or a value per point
 * @property {number[]} train indices into points
 * @property {number[]} test indices into points
 * @property {number} n_base points from this index on were drawn by the person
 */

/**
 * @typedef {object} Metrics
 * @property {number | null} train_loss
 * @property {number | null} test_loss
 * @property {number | null} train_accuracy
 * @property {number | null} test_accuracy
 */

/**
 * The loss chart's entries, one value per entry in each series.
 * @typedef {object} History
 * @property {number[]} epochs
 * @property {(number | null)[]} train_loss
 * @property {(number | null)[]} test_loss
 * @property {(number | null)[]} train_accuracy
 * @property {(number | null)[]} test_accuracy
 * @property {number} stride every how many epochs an entry is kept
 */

/** A frame's new entries, from index `start` on. @typedef {History & { start: number }} HistoryPiece */

/**
 * When training cannot go on, or goes badly (docs/protocol.md, frame.alert).
 * @typedef {{ kind: string, message: string, reason?: string }} Alert
 */

/**
 * @typedef {object} FrameNetwork
 * @property {number[]} layer_sizes [n_inputs, hidden..., n_outputs]
 * @property {string[]} activations one per layer of weights
 * @property {string} loss
 * @property {string[]} features the inputs' names
 * @property {number} n_raw_inputs 2, or 1 for 1-D data
 */

/**
 * The network now (docs/protocol.md, frame). In the state, `parameters` is one
 * Float64Array (W0, b0, W1, b1, ...); on the wire it is a JSON list or a buffer.
 * @template [P=Float64Array]
 * @typedef {object} Frame
 * @property {"frame"} type
 * @property {number} version
 * @property {number} epoch
 * @property {boolean} playing
 * @property {Metrics} metrics
 * @property {HistoryPiece} history
 * @property {FrameNetwork} network
 * @property {P} parameters
 * @property {string | null} undo what undo would take back, such as "Reset"
 * @property {string | null} redo
 * @property {Alert | null} alert
 */

/** @typedef {Frame<(number | null)[] | { buffer: number, dtype: string, length: number }>} FrameMessage */

// -- explaining one training step (docs/protocol.md, explanation, chain, delta) ----------

/** @typedef {"sample" | "batch" | "epoch"} StepSize */

/**
 * One layer of weights, for the explained point alone.
 * @typedef {object} ExplainLayer
 * @property {string} activation
 * @property {number[]} z
 * @property {number[]} a
 * @property {number[]} slope f'(z)
 * @property {number[]} delta dL/dz
 * @property {number[][]} weights (n_in × n_out)
 * @property {number[]} biases
 * @property {number[][]} weight_grads
 * @property {number[]} bias_grads
 */

/**
 * How one layer's weights or biases moved: after = before - step exactly.
 * @template T number[][] for weights, number[] for biases
 * @typedef {{ before: T, gradient: T, regularization: T, step: T, after: T }} UpdatePart
 */

/**
 * @typedef {object} ExplainUpdate
 * @property {number} learning_rate
 * @property {string} optimizer
 * @property {string} regularization
 * @property {number} penalty
 * @property {number} loss the batch's loss
 * @property {{ weights: UpdatePart<number[][]>, biases: UpdatePart<number[]> }[]} layers
 */

/**
 * @typedef {object} Explanation
 * @property {"explanation"} type
 * @property {number} id names the step in apply_step, revert_step, explain_weight, explain_delta
 * @property {number} point
 * @property {StepSize} size
 * @property {boolean} trains whether the point is a training point
 * @property {number[]} x the point's position
 * @property {string[]} features
 * @property {number[]} inputs the feature values the network gets
 * @property {number[]} target as the output learns it (0/1, -1/+1 or one-hot)
 * @property {number} label the point's class or value
 * @property {DataKind} kind
 * @property {number[]} layer_sizes
 * @property {{ name: string, formula: string, value: number, output_error: number[], fused: boolean }} loss
 * @property {ExplainLayer[]} layers
 * @property {ExplainUpdate | null} update null for an epoch or a test point
 * @property {{ indices: number[], size: number, weight_grads?: number[][][][], bias_grads?: number[][][] }} batch
 *   weight_grads: [point in batch][layer][i][j]
 * @property {number[]} parameters_before
 * @property {number[] | null} parameters_after
 * @property {Metrics} metrics_before
 * @property {Metrics | null} metrics_after
 * @property {number[] | null} output_after
 */

/** @typedef {{ kind: string, layer: number, unit: number, value: number }} Hop */

/**
 * Why one weight changed: every path from it to the loss.
 * @typedef {object} ChainMessage
 * @property {"chain"} type
 * @property {number} id
 * @property {number} layer
 * @property {number} source
 * @property {number} target
 * @property {number} gradient
 * @property {number} input_value
 * @property {number} delta
 * @property {number} path_count
 * @property {{ units: number[], hops: Hop[], product: number }[] | null} paths null when there are too many
 * @property {number | null} path_sum
 */

/**
 * How one neuron's delta comes from the layer after it.
 * @typedef {object} DeltaMessage
 * @property {"delta"} type
 * @property {number} id
 * @property {number} layer
 * @property {number} unit
 * @property {number} z
 * @property {number} activation
 * @property {number} derivative f'(z)
 * @property {number} delta
 * @property {{ unit: number, weight: number, next_delta: number, product: number }[]} terms
 * @property {number} [output_error]
 * @property {boolean} [fused]
 */

// -- the state the views draw -------------------------------------------------------

/**
 * One stage of an explained step (lib/timeline.js).
 * @typedef {object} Step
 * @property {"forward" | "loss" | "backward" | "update" | "done"} stage
 * @property {number} [layer] the layer of weights (-1: the inputs, in the forward stage)
 * @property {number} [unit] the neuron in that layer
 */

/** How far one press of Next goes. @typedef {"neuron" | "layer" | "stage"} Granularity */

/**
 * One chain-rule path a view highlights: its units from the weight's layer on.
 * @typedef {{ layer: number, units: number[], source?: number }} PathHighlight
 */

/**
 * The step-through (lib/initialState.js closedExplain says what each part means).
 * @typedef {object} ExplainState
 * @property {boolean} open
 * @property {StepSize} size
 * @property {number | null} pending the point asked about, until the answer arrives
 * @property {Explanation | null} explanation
 * @property {Step[] | null} steps
 * @property {number} index
 * @property {boolean} applied
 * @property {boolean} playing
 * @property {number} speed
 * @property {Granularity} granularity
 * @property {ChainMessage | null} chain
 * @property {Record<string, DeltaMessage>} deltas by "layer:unit"
 * @property {PathHighlight | null} hoverPath
 */

/**
 * What the pointer rests on, for the views that follow it.
 * @typedef {{ kind: "neuron", layer: number, unit: number }
 *   | { kind: "edge", layer: number, source: number, target: number }} Hover
 */

/**
 * What only this page cares about.
 * @typedef {object} UiState
 * @property {Hover | null} hover layer: for a neuron, which of grid.values holds it (0 = features)
 * @property {boolean} drawMode clicks on the map add points
 * @property {number} drawClass the class of the next drawn point
 * @property {number} drawValue the value of the next drawn point (regression)
 */

/**
 * One layer of weights, for the display evaluator (lib/evaluate.js).
 * @typedef {object} Layer
 * @property {number} nIn
 * @property {number} nOut
 * @property {Float64Array} weights row-major (nIn × nOut): weights[i * nOut + j] joins input i to neuron j
 * @property {Float64Array} biases (nOut)
 * @property {string} activation
 */

/**
 * Points over the plane, row by row from the top (lib/evaluate.js makeGrid).
 * @typedef {object} GridPoints
 * @property {number} resolution points per side
 * @property {number} n how many points
 * @property {Float64Array} x1
 * @property {Float64Array | null} x2 null for 1-D data
 * @property {boolean} oneD
 */

/**
 * The grid every heatmap is drawn from: values[a] holds layer a's outputs
 * (0: the features), row-major (n × units).
 * @typedef {GridPoints & { values: Float64Array[] }} Grid
 */

/** @typedef {{ id: number, message: string }} Message */

/**
 * Which parts of the state changed since the views last drew.
 * @typedef {object} Changed
 * @property {boolean} [connection]
 * @property {boolean} [alert]
 * @property {boolean} [catalog]
 * @property {boolean} [settings]
 * @property {boolean} [data]
 * @property {boolean} [frame] also the layers, the history and the grid
 * @property {boolean} [messages] notices and errors
 * @property {boolean} [explain]
 * @property {boolean} [ui]
 */

/**
 * Everything the views draw (lib/initialState.js). Only the store writes it.
 * @typedef {object} State
 * @property {"connecting" | "open" | "closed"} connection
 * @property {Catalog | null} catalog
 * @property {Settings} settings
 * @property {DataMessage | null} data
 * @property {Frame | null} frame
 * @property {Layer[] | null} layers the frame's parameters, layer by layer
 * @property {History} history
 * @property {Alert | null} alert
 * @property {Message[]} notices
 * @property {Message[]} errors
 * @property {Grid | null} grid
 * @property {UiState} ui
 * @property {ExplainState} explain
 * @property {Changed} changed
 */

/**
 * A state with a network to draw: the catalog, a frame, its layers and its grid
 * have arrived. Views check this once (network.js, output.js) and pass it on.
 * @typedef {State & { catalog: Catalog, frame: Frame, layers: Layer[], grid: Grid }} DrawnState
 */

// -- what a view gets -----------------------------------------------------------------

/**
 * The step-through's controls (lib/player.js).
 * @typedef {object} Player
 * @property {(open?: boolean) => void} open open (pausing training) or close the panel
 * @property {(point: number, size?: StepSize) => void} point explain a step on this point
 * @property {() => void} next
 * @property {() => void} back
 * @property {(index: number) => void} goTo
 * @property {(on?: boolean) => void} play
 * @property {(speed: number) => void} setSpeed steps per second
 * @property {(granularity: Granularity) => void} setGranularity
 * @property {(layer: number, source: number, target: number) => void} weight why did this weight change?
 * @property {(layer: number, unit: number) => void} delta how does this neuron's delta come about?
 * @property {(path: PathHighlight | null) => void} hoverPath highlight a chain-rule path, or none
 */

/**
 * What every view gets besides its element: it reads the state and asks for
 * changes; it never writes state. (lib/store.js makes it.)
 * @typedef {object} ViewApi
 * @property {Readonly<State>} state the state now (a view also gets it in update)
 * @property {(type: string, fields?: Record<string, unknown>) => void} command a request to the
 *   session, such as command("play") or command("add_point", { x, target })
 * @property {(changes: Settings) => void} setSettings the session checks them and answers
 * @property {(patch: Partial<UiState>) => void} setUi what only this page cares about
 * @property {Player} explain the step-through
 * @property {(kind: "notices" | "errors", id: number) => void} dismiss close a message
 */

/**
 * A view: made by createX(el, api), it draws whatever state it is given.
 * @typedef {object} View
 * @property {(state: State) => void} update draw what state.changed says changed
 * @property {() => void} destroy
 */

export {};
