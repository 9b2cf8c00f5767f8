// A hosts file for the action's process, for tests where a made-up name must resolve without a
// proxy (NO_PROXY bypasses): preloaded with NODE_OPTIONS=--import. Every *.invalid name (RFC 6761
// reserves them, so none is real) is 127.0.0.1, answered without asking DNS; other names are
// looked up as usual.
import dns from 'node:dns'

const lookup = dns.lookup
dns.lookup = function (hostname, options, callback) {
  if (typeof options === 'function') return dns.lookup(hostname, {}, options)
  if (!/\.invalid\.?$/i.test(hostname)) return lookup.call(this, hostname, options, callback)
  const all = typeof options === 'object' && options.all
  if (all) process.nextTick(callback, null, [{ address: '127.0.0.1', family: 4 }])
  else process.nextTick(callback, null, '127.0.0.1', 4)
}
