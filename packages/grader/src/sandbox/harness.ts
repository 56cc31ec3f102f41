/**
 * The JavaScript evaluated first in every sandbox context, before any library or student code.
 *
 * It captures the intrinsics it relies on while they are still pristine, so later tampering by
 * student code (overwriting `JSON`, `Object.prototype`, `Array.isArray`, `Math`…) cannot change
 * how arguments are built or how results are encoded. Results leave the sandbox only as a string
 * produced here (an explicit encoding, not `JSON.stringify` of student objects: no `toJSON`, no
 * getters, no Proxy can make the host see anything but a snapshot of plain data).
 *
 * The script evaluates to a function `(print, seed, now) => capabilities`.
 */
export const HARNESS_SOURCE = String.raw`(function (hostPrint, initialSeed, fixedTime) {
  'use strict'
  var G = globalThis
  var R = Reflect
  var gOPD = R.getOwnPropertyDescriptor
  var ownKeys = R.ownKeys
  var getProto = R.getPrototypeOf
  var apply = R.apply
  var defineProperty = R.defineProperty
  var isArray = Array.isArray
  var isView = ArrayBuffer.isView
  var jsonStringify = JSON.stringify
  var jsonParse = JSON.parse
  var ObjectProto = Object.prototype
    var StringFn = String
  var hasOwn = Object.prototype.hasOwnProperty
  function isData(d) { return apply(hasOwn, d, ['value']) }
  var ErrorCtor = Error
  var ErrorProto = Error.prototype
  var imul = Math.imul
  var floor = Math.floor
  var typedCtors = { float32: Float32Array, float64: Float64Array, int32: Int32Array }
  var RealDate = Date
  var numberToString = function (n) {
    if (n === 0 && 1 / n < 0) return '-0'
    return '' + n
  }

  // ── determinism: seeded Math.random, fixed clock ─────────────────────────
  var state = initialSeed >>> 0
  function reseed(seed) { state = seed >>> 0 }
  function random() {
    state = (state + 0x6d2b79f5) | 0
    var t = imul(state ^ (state >>> 15), 1 | state)
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  defineProperty(Math, 'random', { value: random, writable: true, configurable: true })
  function FixedDate() {
    if (!new.target) return new RealDate(fixedTime).toString()
    if (arguments.length === 0) return new RealDate(fixedTime)
    return R.construct(RealDate, arguments, new.target)
  }
  FixedDate.prototype = RealDate.prototype
  FixedDate.now = function now() { return fixedTime }
  FixedDate.UTC = RealDate.UTC
  FixedDate.parse = RealDate.parse
  defineProperty(RealDate.prototype, 'constructor', { value: FixedDate, writable: true, configurable: true })
  defineProperty(G, 'Date', { value: FixedDate, writable: true, configurable: true })

  // ── libraries (@gradschool/tensor, @gradschool/nn), adopted when a submission imports them ──
  var libs = {}
  var TensorProto = null
  var TensorCtor = null
  var tensorToString = null
  var manualSeed = null
  function adoptLibraries() {
    var bundle = G.__gradschoolLibraries
    delete G.__gradschoolLibraries
    if (!bundle) throw new ErrorCtor('the sandbox library bundle did not define its exports')
    libs['@gradschool/tensor'] = bundle.tensor
    libs['@gradschool/nn'] = bundle.nn
    TensorCtor = bundle.tensor.Tensor
    TensorProto = TensorCtor.prototype
    tensorToString = TensorProto.toString
    manualSeed = bundle.tensor.manualSeed
    if (manualSeed) manualSeed(state)
  }
  function require(name) {
    if (typeof name === 'string' && R.has(libs, name)) return libs[name]
    if (name === '@gradschool/tensor' || name === '@gradschool/nn') {
      throw new ErrorCtor("'" + name + "' can only be imported at the top of the file")
    }
    throw new ErrorCtor("Cannot import '" + name + "': only @gradschool/tensor and @gradschool/nn are available here")
  }

  function isTensor(v) {
    return TensorProto !== null && v !== null && typeof v === 'object' && getProto(v) === TensorProto
  }

  // ── console: Node-like single-line formatting ─────────────────────────────
  function quote(s) {
    var out = "'"
    for (var i = 0; i < s.length; i++) {
      var c = s[i]
      out += c === "'" ? "\\'" : c === '\n' ? '\\n' : c === '\\' ? '\\\\' : c
    }
    return out + "'"
  }
  function keyText(k) {
    if (typeof k === 'symbol') return '[' + safeString(k) + ']'
    var ok = k.length > 0
    for (var i = 0; i < k.length && ok; i++) {
      var c = k.charCodeAt(i)
      ok = c === 36 || c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (i > 0 && c >= 48 && c <= 57)
    }
    return ok ? k : quote(k)
  }
  function safeString(v) {
    try { return '' + StringFn(v) } catch (e) { return '[unprintable]' }
  }
  function inspect(v, depth, seen) {
    if (v === null) return 'null'
    var t = typeof v
    if (t === 'number') return numberToString(v)
    if (t === 'string') return depth === 0 ? v : quote(v)
    if (t === 'undefined' || t === 'boolean') return '' + v
    if (t === 'bigint') return v + 'n'
    if (t === 'symbol') return safeString(v)
    if (t === 'function') {
      var nd = gOPD(v, 'name')
      var name = nd && typeof nd.value === 'string' ? nd.value : ''
      return name ? '[Function: ' + name + ']' : '[Function (anonymous)]'
    }
    if (isTensor(v)) {
      try { return '' + apply(tensorToString, v, []) } catch (e) { return '[Tensor]' }
    }
    for (var s = 0; s < seen.length; s++) if (seen[s] === v) return '[Circular]'
    if (isErrorLike(v)) return describeError(v)
    if (isView(v)) {
      var parts = []
      var ctorName = 'TypedArray'
      try { ctorName = getProto(v).constructor.name } catch (e) {}
      var n = v.length
      for (var j = 0; j < n && j < 100; j++) parts[parts.length] = numberToString(v[j])
      if (n > 100) parts[parts.length] = '... ' + (n - 100) + ' more items'
      return ctorName + '(' + n + ') ' + (n === 0 ? '[]' : '[ ' + join(parts) + ' ]')
    }
    if (depth > 2) return isArray(v) ? '[Array]' : '[Object]'
    seen[seen.length] = v
    var items = []
    if (isArray(v)) {
      var len = v.length
      for (var i = 0; i < len && i < 100; i++) items[items.length] = inspect(v[i], depth + 1, seen)
      if (len > 100) items[items.length] = '... ' + (len - 100) + ' more items'
      seen.length = seen.length - 1
      return items.length === 0 ? '[]' : '[ ' + join(items) + ' ]'
    }
    var keys = ownKeys(v)
    for (var k = 0; k < keys.length; k++) {
      var d = gOPD(v, keys[k])
      if (!d || !d.enumerable) continue
      var shown = isData(d) ? inspect(d.value, depth + 1, seen) : '[Getter' + (d.set ? '/Setter]' : ']')
      items[items.length] = keyText(keys[k]) + ': ' + shown
    }
    seen.length = seen.length - 1
    return items.length === 0 ? '{}' : '{ ' + join(items) + ' }'
  }
  function join(parts) {
    var out = ''
    for (var i = 0; i < parts.length; i++) out += (i === 0 ? '' : ', ') + parts[i]
    return out
  }
  function formatArgs(args) {
    var out = ''
    for (var i = 0; i < args.length; i++) out += (i === 0 ? '' : ' ') + inspect(args[i], 0, [])
    return out
  }
  function makeLogger() {
    return function log() {
      var line
      try { line = formatArgs(arguments) } catch (e) { line = '[unprintable]' }
      hostPrint(line + '\n')
    }
  }
  var log = makeLogger()
  var consoleObject = { log: log, info: log, debug: log, warn: log, error: log }
  defineProperty(G, 'console', { value: consoleObject, writable: true, configurable: true })

  // ── errors ────────────────────────────────────────────────────────────────
  function isErrorLike(v) {
    var p = v
    for (var i = 0; i < 50 && p !== null; i++) {
      if (p === ErrorProto) return true
      p = getProto(p)
    }
    return false
  }
  function ownData(obj, key) {
    var p = obj
    for (var i = 0; i < 50 && p !== null; i++) {
      var d = gOPD(p, key)
      if (d) return isData(d) ? d.value : undefined
      p = getProto(p)
    }
    return undefined
  }
  function describeError(e) {
    try {
      if (e !== null && (typeof e === 'object' || typeof e === 'function') && isErrorLike(e)) {
        var name = ownData(e, 'name')
        var message = ownData(e, 'message')
        var stack = ownData(e, 'stack')
        var head = (typeof name === 'string' ? name : 'Error') + (typeof message === 'string' && message ? ': ' + message : '')
        return jsonStringify({ error: true, text: head, stack: typeof stack === 'string' ? stack : '' })
      }
      return jsonStringify({ error: false, text: inspect(e, 1, []), stack: '' })
    } catch (inner) {
      return jsonStringify({ error: false, text: '[an unprintable value]', stack: '' })
    }
  }

  // ── encoding values crossing the boundary ─────────────────────────────────
  // Host ← sandbox: a JSON text written here, with tags for what JSON cannot say.
  var MAX_NODES = 2000000
  function encode(root) {
    var nodes = 0
    var stack = []
    function enc(v, depth) {
      if (++nodes > MAX_NODES) throw new ErrorCtor('the value is too large to return')
      if (v === null) return 'null'
      var t = typeof v
      if (t === 'number') return v === v && v !== Infinity && v !== -Infinity && !(v === 0 && 1 / v < 0) ? numberToString(v) : '{"$":"number","v":"' + numberToString(v) + '"}'
      if (t === 'string') return jsonStringify(v)
      if (t === 'boolean') return v ? 'true' : 'false'
      if (t === 'undefined') return '{"$":"undefined"}'
      if (t === 'bigint') return '{"$":"unsupported","what":"a bigint"}'
      if (t === 'symbol') return '{"$":"unsupported","what":"a symbol"}'
      if (t === 'function') return '{"$":"unsupported","what":"a function"}'
      if (depth > 64) return '{"$":"unsupported","what":"a value nested more than 64 levels deep"}'
      for (var s = 0; s < stack.length; s++) if (stack[s] === v) return '{"$":"unsupported","what":"a circular structure"}'
      if (isTensor(v)) return encodeTensor(v)
      if (isView(v)) return '{"$":"unsupported","what":"a typed array (return a plain array or a tensor)"}'
      stack[stack.length] = v
      var out
      if (isArray(v)) {
        var ld = gOPD(v, 'length')
        var len = ld && typeof ld.value === 'number' ? ld.value : 0
        out = '['
        for (var i = 0; i < len; i++) {
          var d = gOPD(v, '' + i)
          if (d && !isData(d)) throw new ErrorCtor('the returned array has a getter at index ' + i + '; return plain data')
          out += (i === 0 ? '' : ',') + enc(d ? d.value : undefined, depth + 1)
        }
        out += ']'
      } else {
        var proto = getProto(v)
        if (proto !== ObjectProto && proto !== null) {
          stack.length = stack.length - 1
          var what = 'an object of class ' + className(proto)
          if (isErrorLike(v)) what = 'an Error object'
          return '{"$":"unsupported","what":' + jsonStringify(what) + '}'
        }
        var keys = ownKeys(v)
        out = '{"$":"object","v":{'
        var first = true
        for (var k = 0; k < keys.length; k++) {
          var key = keys[k]
          if (typeof key !== 'string') continue
          var kd = gOPD(v, key)
          if (!kd || !kd.enumerable) continue
          if (!isData(kd)) throw new ErrorCtor("the returned object has a getter for '" + key + "'; return plain data")
          out += (first ? '' : ',') + jsonStringify(key) + ':' + enc(kd.value, depth + 1)
          first = false
        }
        out += '}}'
      }
      stack.length = stack.length - 1
      return out
    }
    return enc(root, 0)
  }
  function className(proto) {
    try {
      var c = gOPD(proto, 'constructor')
      var n = c && typeof c.value === 'function' ? gOPD(c.value, 'name') : undefined
      return n && typeof n.value === 'string' && n.value ? n.value : 'unknown'
    } catch (e) { return 'unknown' }
  }
  function encodeTensor(t) {
    var dd = gOPD(t, 'data'), sd = gOPD(t, 'shape'), td = gOPD(t, 'dtype')
    var data = dd && dd.value, shape = sd && sd.value, dtype = td && td.value
    if (!isView(data) || !isArray(shape) || typeof dtype !== 'string') return '{"$":"unsupported","what":"a damaged tensor"}'
    var s = '['
    for (var i = 0; i < shape.length; i++) s += (i === 0 ? '' : ',') + numberToString(+shape[i])
    var d = '['
    var n = data.length
    for (var j = 0; j < n; j++) d += (j === 0 ? '' : ',') + jsonStringify(numberToString(data[j]))
    return '{"$":"tensor","dtype":' + jsonStringify(dtype) + ',"shape":' + s + '],"data":' + d + ']}'
  }

  // Host → sandbox: JSON with the same tags, rebuilt with pristine constructors.
  function decode(text) {
    function dec(v) {
      if (v === null || typeof v !== 'object') return v
      if (isArray(v)) {
        var arr = []
        for (var i = 0; i < v.length; i++) defineProperty(arr, '' + i, { value: dec(v[i]), writable: true, enumerable: true, configurable: true })
        return arr
      }
      var tag = v.$
      if (tag === 'undefined') return undefined
      if (tag === 'number') return +v.v
      if (tag === 'tensor') {
        if (TensorCtor === null) throw new ErrorCtor('tensor arguments need the tensor library')
        var Ctor = typedCtors[v.dtype]
        var data = new Ctor(v.data.length)
        for (var j = 0; j < v.data.length; j++) data[j] = +v.data[j]
        var shape = []
        for (var k = 0; k < v.shape.length; k++) shape[k] = v.shape[k]
        return new TensorCtor(data, shape, v.dtype)
      }
      var obj = {}
      var src = v.v
      var keys = ownKeys(src)
      for (var m = 0; m < keys.length; m++) defineProperty(obj, keys[m], { value: dec(src[keys[m]]), writable: true, enumerable: true, configurable: true })
      return obj
    }
    return dec(jsonParse(text))
  }

  // ── calls ─────────────────────────────────────────────────────────────────
  function lookup(exportsObject, name) {
    if (exportsObject === null || typeof exportsObject !== 'object') return undefined
    var d = gOPD(exportsObject, name)
    return d && isData(d) ? d.value : undefined
  }
  function call(fn, argsText, seed) {
    reseed(seed)
    if (manualSeed) manualSeed(seed)
    return apply(fn, undefined, decode(argsText))
  }

  return {
    adoptLibraries: adoptLibraries,
    require: require,
    lookup: lookup,
    call: call,
    encode: encode,
    describeError: describeError,
    reseed: reseed,
  }
})`
