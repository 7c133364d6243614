// @ts-check
/**
 * The front end's types: the model a host hands over, the state the views draw,
 * and what a view gets (the messages of docs/protocol.md are in lib/messages.js).
 * Only JSDoc: nothing here runs, and the browser never loads this module. Other modules name these types in a JSDoc import
 * tag ({ State, ViewApi } from "../../lib/types.js"), and `tsc`
 * (tests/test_frontend.py) checks every module against them.
 */

/** @import { Term } from "./glossary.js" */
/** @import { Alert, Catalog, ChainMessage, DataMessage, DeltaMessage, Explanation, ExportedMessage, Frame, History, LessonEntry, LessonMessage, Outgoing, Settings, StepSize } from "./messages.js" */

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
 * @property {"all" | "data" | "network" | "output" | "explain" | "controls"} [view] one part full size
 *   (docs/screens.md)
 * @property {boolean} [kiosk] an exhibition screen: no help, menus or page tools
 * @property {boolean} [projector] larger type and lines, for the back of a room
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
 * @property {SliceChoice | null} slice for data with more than two inputs: the map's axes and held point
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
 * For data with more than two inputs, the plane through them that the map and
 * every neuron's picture show (lib/inputSlice.js): two inputs across and up,
 * every other one held at the chosen point's value.
 * @typedef {object} Slice
 * @property {[number, number]} axes the inputs across and up (0 is x1)
 * @property {number[]} held the chosen point: a value for every input, in view coordinates
 * @property {number | "mean" | "edited"} from a data point's index, the data's mean, or typed in
 * @property {string} key the same key, the same slice
 */

/**
 * The person's choice of slice, for the data it was made for (UiState.slice).
 * @typedef {Omit<Slice, "key"> & { data: string }} SliceChoice
 */

/**
 * Points over the plane, row by row from the top (lib/evaluate.js makeGrid).
 * @typedef {object} GridPoints
 * @property {number} resolution points per side
 * @property {number} n how many points
 * @property {Float64Array} x1 the value across (x1, or the slice's first axis)
 * @property {Float64Array | null} x2 the value up; null for 1-D data
 * @property {boolean} oneD
 * @property {Slice | null} [slice] for data with more than two inputs: the other inputs' values
 */

/**
 * The grid every heatmap is drawn from: values[a] holds layer a's outputs
 * (0: the features named in `features`), row-major (n × units).
 * @typedef {GridPoints & { features: string[], values: Float64Array[] }} Grid
 */

/** A notice or an error; an error names the request it answers. @typedef {{ id: number, message: string, request?: string | null }} Message */

/**
 * Which parts of the state changed since the views last drew.
 * @typedef {object} Changed
 * @property {boolean} [connection]
 * @property {boolean} [alert]
 * @property {boolean} [busy]
 * @property {boolean} [catalog]
 * @property {boolean} [settings]
 * @property {boolean} [data]
 * @property {boolean} [frame] also the layers, the history and the grid
 * @property {boolean} [messages] notices and errors
 * @property {boolean} [explain]
 * @property {boolean} [ui]
 * @property {boolean} [exported]
 * @property {boolean} [lessons] the list of lessons
 * @property {boolean} [lesson] the open lesson
 */

/**
 * Everything the views draw (lib/initialState.js). Only the store writes it.
 * @typedef {object} State
 * @property {"connecting" | "open" | "closed"} connection
 * @property {Catalog | null} catalog
 * @property {string[] | null} capabilities what the host says it can do (lib/messages.js,
 *   WelcomeMessage); null: a host that does not say, which can do everything live
 * @property {number[] | null} replay the recorded epochs a replaying host can show, or null
 * @property {Settings} settings
 * @property {DataMessage | null} data
 * @property {Frame | null} frame
 * @property {Layer[] | null} layers the frame's parameters, layer by layer
 * @property {History} history
 * @property {Alert | null} alert
 * @property {string | null} busy why the controls are inert (the session is trained from
 *   elsewhere, such as a notebook's pg.train), or null
 * @property {Message[]} notices
 * @property {Message[]} errors
 * @property {Grid | null} grid every heatmap's values (lib/heatmapGrid.js): good until the next frame, whose grid overwrites its arrays, so read it when drawing and keep nothing of it
 * @property {UiState} ui
 * @property {ExplainState} explain
 * @property {ExportedMessage | null} exported the last file the session exported (views/export saves it)
 * @property {LessonEntry[] | null} lessons the lessons this server offers, once asked for
 * @property {LessonMessage | null} lesson the open lesson, or null
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

/**
 * How the top bar's guide (views/top/guide.js) loads the views it opens, given by app.js
 * so that one view never imports another.
 * @typedef {object} GuideParts
 * @property {() => Promise<(el: HTMLElement, api: ViewApi, root: HTMLElement) => View>} lessonPanel
 * @property {() => Promise<(box: HTMLElement, api: ViewApi, close: () => void) => { update(state: State): void }>} lessonsMenu
 * @property {() => Promise<(root: HTMLElement) => { open(key?: string): void, note(link: HTMLElement, term: string, terms: Term[]): void }>} glossary
 */
