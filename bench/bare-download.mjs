// For the benchmark: the least a Node process does to save a diff, one `http.get` piped to a
// file with stream.pipeline, so that the action's peak RSS can be read against it.
import { createWriteStream } from 'node:fs'
import { get } from 'node:http'
import { pipeline } from 'node:stream/promises'

const [url, file] = process.argv.slice(2)
const headers = { Authorization: `Bearer ${process.env.BENCH_TOKEN}` }
const res = await new Promise((resolve, reject) =>
  get(url, { headers }, resolve).on('error', reject)
)
if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode}`)
await pipeline(res, createWriteStream(file))
