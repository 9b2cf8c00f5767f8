// Files attached to a new runner or session: found by glob in the workspace, checked against what
// Netlify accepts before anything is sent, then uploaded (upload_url, then a PUT of the bytes to
// the presigned URL) only when the run is really about to start. Presigned URLs are masked.
import { readFileSync, statSync } from 'node:fs'
import { basename, extname, isAbsolute, join, relative } from 'node:path'
import type { NetlifyClient } from './netlify/client.js'
import { InputError } from './settings/index.js'
import * as core from '@actions/core'

/** The reference's allowed file types, with the MIME type each is sent as. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.html': 'text/html',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.xml': 'application/xml',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.js': 'text/javascript',
  '.ts': 'text/x-typescript',
  '.css': 'text/css',
  '.scss': 'text/x-scss',
  '.sass': 'text/x-sass',
  '.less': 'text/x-less',
  '.py': 'text/x-python',
  '.java': 'text/x-java',
  '.rb': 'text/x-ruby',
  '.go': 'text/x-go',
  '.php': 'application/x-php',
  '.sql': 'application/sql',
  '.pdf': 'application/pdf'
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const MAX_FILES = 20

export interface Attachment {
  path: string
  /** As the user knows it: relative to the workspace. */
  name: string
  contentType: string
  size: number
}

function refuse(message: string): never {
  throw new InputError('files', message)
}

/** A pattern resolved against the workspace, keeping a leading `!` (exclusion). */
function anchored(pattern: string, workspace: string): string {
  const negated = pattern.startsWith('!')
  const body = negated ? pattern.slice(1) : pattern
  const path = isAbsolute(body) ? body : join(workspace, body)
  return negated ? `!${path}` : path
}

/**
 * The files the patterns name, checked: each pattern matches something, and every file is of an
 * allowed type and size, at most MAX_FILES in all. Sends nothing.
 */
export async function resolveAttachments(
  patterns: string[],
  workspace: string
): Promise<Attachment[]> {
  if (patterns.length === 0) return []
  // Loaded only when there are files: it brings in @actions/core, which costs every start.
  const glob = await import('@actions/glob')
  const exclusions = patterns.filter(p => p.startsWith('!')).map(p => anchored(p, workspace))
  const paths = new Set<string>()
  for (const pattern of patterns.filter(p => !p.startsWith('!'))) {
    const globber = await glob.create([anchored(pattern, workspace), ...exclusions].join('\n'), {
      matchDirectories: false,
      implicitDescendants: false
    })
    const found = await globber.glob()
    if (found.length === 0) {
      refuse(`Input \`files\`: "${pattern}" matches no file in the workspace (${workspace}).`)
    }
    for (const path of found.sort()) paths.add(path)
  }
  if (paths.size > MAX_FILES) {
    refuse(
      `Input \`files\` matches ${paths.size} files; Netlify takes at most ${MAX_FILES}. Narrow the patterns.`
    )
  }
  return [...paths].map(path => {
    const name = relative(workspace, path) || basename(path)
    const contentType = CONTENT_TYPES[extname(path).toLowerCase()]
    if (contentType === undefined) {
      refuse(
        `Input \`files\`: ${name} is of a type Netlify does not accept (allowed: ${Object.keys(CONTENT_TYPES).join(' ')}).`
      )
    }
    const size = statSync(path).size
    if (size > MAX_FILE_BYTES) {
      refuse(
        `Input \`files\`: ${name} is ${(size / 1024 / 1024).toFixed(1)} MiB; Netlify takes at most ${MAX_FILE_BYTES / 1024 / 1024} MiB a file.`
      )
    }
    return { path, name, contentType, size }
  })
}

/** Removes uploaded files; a failure is a warning, and the rest are still removed. */
export async function removeUploads(
  client: NetlifyClient,
  accountId: string,
  keys: string[]
): Promise<void> {
  for (const fileKey of keys) {
    try {
      const { delete_url } = await client.createDeleteUrl({
        account_id: accountId,
        file_key: fileKey
      })
      core.setSecret(delete_url)
      await client.deleteUploadedFile(delete_url)
    } catch (err) {
      core.warning(`Could not remove the uploaded file ${fileKey}: ${(err as Error).message}`)
    }
  }
}

/**
 * Uploads the files and returns their keys. If one fails, those already uploaded are removed
 * (with `cleanupClient`, which outlives a cancellation) before the error is thrown, so nothing is
 * left behind on Netlify.
 */
export async function uploadAttachments(
  client: NetlifyClient,
  cleanupClient: NetlifyClient,
  accountId: string,
  files: Attachment[]
): Promise<string[]> {
  const keys: string[] = []
  for (const file of files) {
    try {
      const { upload_url, file_key } = await client.createUploadUrl({
        account_id: accountId,
        filename: basename(file.path),
        content_type: file.contentType
      })
      core.setSecret(upload_url)
      await client.uploadFile(upload_url, readFileSync(file.path), file.contentType)
      keys.push(file_key)
      core.info(`Attached ${file.name} (${file.size} bytes).`)
    } catch (err) {
      if (keys.length > 0) await removeUploads(cleanupClient, accountId, keys)
      const removed =
        keys.length === 0
          ? ''
          : keys.length === 1
            ? ' The file already uploaded was removed.'
            : ` The ${keys.length} files already uploaded were removed.`
      throw new Error(`Uploading ${file.name} failed: ${(err as Error).message}.${removed}`, {
        cause: err
      })
    }
  }
  return keys
}
