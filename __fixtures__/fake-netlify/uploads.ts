// A stand-in for S3 presigned URLs: the fake hands out URLs on itself (`/__s3/<key>`) whose
// signature only it can produce, and keeps what is PUT there in memory.
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { ApiError, type Reply } from './http-io.js'

export const S3_PREFIX = '/__s3/'

/** Extensions the upload_url endpoint accepts, as the reference lists them. */
const ALLOWED_EXTENSIONS = new Set(
  [
    ...['txt', 'md', 'html', 'json', 'yaml', 'yml', 'xml', 'csv'],
    ...['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp'],
    ...['js', 'ts', 'css', 'scss', 'sass', 'less', 'py', 'java', 'rb', 'go', 'php', 'sql'],
    'pdf'
  ].map(ext => `.${ext}`)
)

export type PresignedMethod = 'PUT' | 'DELETE'

export class UploadStore {
  readonly files = new Map<string, Buffer>()
  private readonly secret = randomBytes(16)

  constructor(private readonly baseUrl: () => string) {}

  /** Throws 422 unless `filename` has an allowed extension. */
  assertAllowed(filename: string): void {
    const dot = filename.lastIndexOf('.')
    const ext = dot === -1 ? '' : filename.slice(dot).toLowerCase()
    if (!ALLOWED_EXTENSIONS.has(ext))
      throw new ApiError(422, `File type ${ext || '(none)'} is not allowed`)
  }

  newFileKey(accountId: string, filename: string): string {
    const safeName = filename.replace(/[^\w.-]+/g, '_')
    return `agent-runner-uploads/${accountId}/${randomBytes(8).toString('hex')}/${safeName}`
  }

  presign(method: PresignedMethod, key: string): string {
    const path = key.split('/').map(encodeURIComponent).join('/')
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Expires': '900',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': this.signature(method, key)
    })
    return `${this.baseUrl()}${S3_PREFIX}${path}?${query.toString()}`
  }

  isValid(method: string, key: string, signature: string | null): boolean {
    return (method === 'PUT' || method === 'DELETE') && signature === this.signature(method, key)
  }

  private signature(method: PresignedMethod, key: string): string {
    return createHmac('sha256', this.secret).update(`${method} ${key}`).digest('hex')
  }
}

/** Answers a request to a presigned URL the way S3 would. */
export function s3Reply(uploads: UploadStore, method: string, url: URL, body: Buffer): Reply {
  const key = decodeURIComponent(url.pathname.slice(S3_PREFIX.length))
  if (!uploads.isValid(method, key, url.searchParams.get('X-Amz-Signature'))) {
    return s3Error(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match.'
    )
  }
  if (method === 'PUT') {
    uploads.files.set(key, body)
    return { status: 200, headers: { ETag: `"${createHash('md5').update(body).digest('hex')}"` } }
  }
  uploads.files.delete(key)
  return { status: 204 }
}

function s3Error(status: number, code: string, message: string): Reply {
  return {
    status,
    contentType: 'application/xml',
    text: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`
  }
}
