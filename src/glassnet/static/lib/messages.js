// @ts-check
/**
 * The messages of docs/protocol.md, as types: what a view sends to its session
 * and what the session sends back, field by field. Only JSDoc: nothing here
 * runs, and the browser never loads this module. lib/types.js builds the
 * state from them; modules name them in JSDoc imports from "lib/messages.js".
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
 *   | Explanation | ChainMessage | DeltaMessage | SavedMessage | ExportedMessage | BusyMessage
 *   | ConnectionMessage | LessonsMessage | LessonMessage | LessonClosedMessage
 *   | RoleMessage | SharedMessage | MidiMessage} Incoming
 */

/**
 * One exported file (docs/protocol.md, export): what to call it, and its bytes in base64.
 * @typedef {{ type: "exported", format: string, filename: string, content: string }} ExportedMessage
 */

/**
 * The first message. `capabilities` says what this host can do ("train", "edit", "explain",
 * "export", "publish" for a live session; "replay" for a published page, which also sends
 * `replay`: the epochs its recording holds). A host that leaves it out can do everything live.
 * @typedef {{ type: "welcome", protocol: number, catalog: Catalog, token?: string,
 *   capabilities?: string[], replay?: number[] }} WelcomeMessage
 */
/** @typedef {{ type: "notice", message: string }} NoticeMessage */
/** A follower of a shared session: may it change the session? @typedef {{ type: "role", role: "follower", control: boolean }} RoleMessage */
/**
 * To the owner: how its session is shared (code null: not shared).
 * @typedef {{ type: "shared", code: string | null, control: boolean, followers: number, max_followers: number }} SharedMessage
 */
/**
 * One MIDI mapping (docs/screens.md, "MIDI"): a knob (cc) or pad (note) on a channel (1 to 16)
 * drives a control (one of MIDI_CONTROLS).
 * @typedef {{ control: string, channel: number, kind: "cc" | "note", number: number }} MidiMapping
 */
/** The MIDI mappings the session keeps for the page. @typedef {{ type: "midi", mappings: MidiMapping[] }} MidiMessage */
/** @typedef {{ type: "error", request: string | null, message: string, limit?: string }} ErrorMessage */
/** @typedef {{ type: "saved", session: SessionDocument }} SavedMessage */
/**
 * The session is being trained from elsewhere (a notebook's pg.train): until busy is false
 * again the view's controls are inert, and `message` says why.
 * @typedef {{ type: "busy", busy: boolean, message: string | null }} BusyMessage
 */

/**
 * Not from the session: the host's model says when the connection opens or closes.
 * @typedef {{ type: "connection", state: "open" | "closed", reason?: string, code?: number }} ConnectionMessage
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
 * @property {ControlSpec[]} controls every control and panel by its data-control name
 *   (glassnet/controls.py), for a lesson to name what it points at
 */

/** @typedef {{ name: string, label: string, where: string, panel: boolean }} ControlSpec */

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
 * @property {"generated" | "file" | "drawn" | "model"} source "model": an opened ml5.js model's inputs and classes
 * @property {"classification" | "regression"} problem
 * @property {DataKind} kind
 * @property {string[]} input_names
 * @property {string[]} class_names
 * @property {number[][]} points [x1, x2], [x1] for 1-D data, or one value per input
 * @property {number[]} targets a class index or a value per point
 * @property {number[]} train indices into points
 * @property {number[]} test indices into points
 * @property {number} n_base points from this index on were drawn by the person
 * @property {Normalization | null} [normalization] a file's or a model's raw ranges
 */

/**
 * The raw ranges the view's -5..5 (and a regression target's -1..1) stand for.
 * @typedef {{ input_min: number[], input_max: number[], target_min: number | null, target_max: number | null }} Normalization
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
 * @property {number} n_raw_inputs how many inputs a point has: 2, 1 for 1-D data, or more
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

// -- lessons (docs/protocol.md, lessons and lesson) -------------------------------------

/**
 * One lesson a view can open.
 * @typedef {object} LessonEntry
 * @property {string} name what lesson_open asks for
 * @property {string} title
 * @property {string} summary
 * @property {"built_in" | "teacher"} origin
 * @property {boolean} replaces a teacher's lesson that takes a built-in one's place
 * @property {number} step_count
 * @property {string | null} error why a teacher's file cannot be opened, or null
 */

/** @typedef {{ type: "lessons", lessons: LessonEntry[] }} LessonsMessage */

/**
 * What a lesson's step points at: a control, a neuron, or a weight (layers of weights, as set_weight).
 * @typedef {{ control?: string, layer?: number, unit?: number, source?: number, target?: number }} LessonHighlight
 */

/**
 * @typedef {object} LessonStep
 * @property {string} title
 * @property {string} html its text, escaped by the session: safe to insert as it is
 * @property {{ kind: string, sentence: string, done: boolean } | null} task
 */

/**
 * The open lesson, sent whole whenever it changes.
 * @typedef {object} LessonMessage
 * @property {"lesson"} type
 * @property {string} name
 * @property {string} title
 * @property {string} summary
 * @property {"built_in" | "teacher" | "file"} origin
 * @property {number} index the current step, from 0
 * @property {LessonStep[]} steps
 * @property {string[]} hidden names of the controls and panels hidden at this step
 * @property {LessonHighlight | null} highlight
 * @property {{ term: string, title: string, text: string }[]} terms the words its text links
 */

/** @typedef {{ type: "lesson_closed", name: string }} LessonClosedMessage */

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
 * @property {number | null} [loss_after] the point's own loss after the step (loss.value is before)
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
 * @property {number} slope f'(z)
 * @property {number} delta
 * @property {{ unit: number, weight: number, next_delta: number, product: number }[]} terms
 * @property {number} [output_error]
 * @property {boolean} [fused]
 */

export {};
