const Fn=801,Un=[801],Cn={6801:((_n,Y,T)=>{T.r(Y),T.d(Y,{STATUS_COMMENT_LIMIT:()=>W,renderRefusal:()=>yn,renderStatusComment:()=>$n});var bn=T(3340),Tn=T(3024),In=T(481),Sn=T(4169),Nn=T(1455);const K={a:7,b:8,t:9,n:10,v:11,f:12,r:13,'"':34,"\\":92};function x(t,n=0){if(t[n]!=='"')return;const e=[];for(let s=n+1;s<t.length;s++){const o=String.fromCodePoint(t.codePointAt(s)??0);if(o==='"')return{value:Buffer.from(e).toString("utf8"),end:s+1};if(o!=="\\"){e.push(...Buffer.from(o,"utf8")),s+=o.length-1;continue}const r=t[++s]??"",l=/^[0-3][0-7]{2}/.exec(t.slice(s,s+3))?.[0];if(l)e.push(parseInt(l,8)),s+=2;else if(r in K)e.push(K[r]??0);else return}}function ft(t){const n=x(t);return n&&n.end===t.length?n.value:t}function p(t,n){return t.startsWith(n)?t.slice(n.length):t}function En(t,n){const e=x(t),s=e?e.value:t.replace(/\t$/,"");if(!(!e&&s==="/dev/null"))return p(s,n)}function Mn(t){if(t.startsWith('"')){const r=x(t);if(r&&t[r.end]===" ")return{old:p(r.value,"a/"),new:p(ft(t.slice(r.end+1)),"b/")}}if(t.endsWith('"'))for(let r=t.indexOf(' "');r!==-1;r=t.indexOf(' "',r+1)){const l=x(t,r+1);if(l?.end===t.length)return{old:p(t.slice(0,r),"a/"),new:p(l.value,"b/")}}const n=(t.length-1)/2,[e,s]=[t.slice(0,n),t.slice(n+1)];if(Number.isInteger(n)&&t[n]===" "&&p(e,"a/")===p(s,"b/")){const r=p(s,"b/");return{old:r,new:r}}const o=t.lastIndexOf(" b/");return o<0?{old:t,new:t}:{old:p(t.slice(0,o),"a/"),new:t.slice(o+3)}}const ht=43,dt=45,mt=10,gt=13,B=4096,Z=null,J=Buffer.from("diff --git "),Q=Buffer.from("@@"),V=Buffer.from("--- "),X=Buffer.from("+++ "),v=Buffer.from("rename from "),tt=Buffer.from("rename to "),nt=Buffer.from("copy from "),et=Buffer.from("copy to "),pt=Buffer.from("GIT binary patch"),$t=Buffer.from("Binary files "),st=Buffer.from(" differ");function d(t,n){return t.length>=n.length&&t.compare(n,0,n.length,0,n.length)===0}function Pn(t){return headerPaths(t.slice(11)).new}function xn(t){return t.startsWith("GIT binary patch")||t.startsWith("Binary files ")&&t.endsWith(" differ")}class ot{files=[];current;oldPath;inHunk=!1;carry;push(n){let e=0;for(;;){const s=n.indexOf(mt,e);if(s===-1)break;this.carry?(this.line(Buffer.concat([this.carry,n.subarray(e,Math.min(s,e+B))])),this.carry=void 0):this.line(n.subarray(e,s)),e=s+1}if(e<n.length){const s=n.subarray(e,Math.min(n.length,e+B));this.carry=this.carry?Buffer.concat([this.carry,s]).subarray(0,B):Buffer.from(s)}}end(){return this.carry&&this.line(this.carry),this.carry=void 0,this.finishFile(),{files:this.files,additions:this.files.reduce((n,e)=>n+e.additions,0),deletions:this.files.reduce((n,e)=>n+e.deletions,0)}}line(n){const e=n[n.length-1]===gt?n.subarray(0,-1):n;if(d(e,J)){this.finishFile();const r=headerPaths(e.subarray(J.length).toString("utf8"));this.current={path:r.new,additions:0,deletions:0,binary:!1},this.oldPath=r.old,this.files.push(this.current),this.inHunk=!1;return}const s=this.current;if(!s||e.length===0)return;const o=e[0];this.inHunk?o===ht?s.additions++:o===dt?s.deletions++:d(e,Q)&&(this.inHunk=!0):d(e,Q)?this.inHunk=!0:d(e,pt)||d(e,$t)&&e.subarray(-st.length).equals(st)?s.binary=!0:s.binary||this.name(e,s)}name(n,e){const s=o=>n.subarray(o.length).toString("utf8");d(n,V)?this.oldPath=labelPath(s(V),"a/")??this.oldPath:d(n,X)?e.path=labelPath(s(X),"b/")??e.path:d(n,v)?this.oldPath=unquoteGitPath(s(v)):d(n,tt)?e.path=unquoteGitPath(s(tt)):d(n,nt)?this.oldPath=unquoteGitPath(s(nt)):d(n,et)&&(e.path=unquoteGitPath(s(et)))}finishFile(){this.current&&this.oldPath!==void 0&&this.oldPath!==this.current.path&&(this.current.from=this.oldPath),this.oldPath=void 0}}function wn(t){const n=new Set;for(const e of t)e.from!==void 0&&n.add(e.from),n.add(e.path);return[...n]}async function Rn(t){const n=new ot,e=await open(t,"r");try{const s=Buffer.allocUnsafe(Z);for(;;){const{bytesRead:o}=await e.read(s,0,Z,null);if(o===0)break;n.push(s.subarray(0,o))}}finally{await e.close()}return n.end()}function On(t){const n=new ot;return n.push(Buffer.from(t)),n.end()}const yt="To deliver them anyway, set `on-protected-paths: warn`, or change `protected-paths`.",A=100,_t=500;function bt(t){const n=t.length>_t,e=escapeCell(n?`${t.slice(0,200)}\u2026${t.slice(-200)}`:t),s=Math.max(0,...(e.match(/`+/g)??[]).map(l=>l.length)),o="`".repeat(s+1),r=e.startsWith("`")||e.endsWith("`")?" ":"";return`${o}${r}${e}${r}${o}`}function Ln(t){if(!t||t.files.length===0)return"";const n=t.files.length,e=n===1?"This file matches":`These ${n} files match`;let o=`### \u{1F6E1}\uFE0F Protected files

${t.refused?`> [!CAUTION]
> ${e} \`protected-paths\`, so nothing was delivered. ${yt}
`:`> [!WARNING]
> ${e} \`protected-paths\`. They were delivered, as \`on-protected-paths: warn\` asks: review them before merging, since a workflow changed on a branch of this repository runs with its secrets.
`}
| File |
|---|
`;for(const r of t.files.slice(0,A))o+=`| ${bt(r)} |
`;return n>A&&(o+=`
_\u2026and ${n-A} more, in the \`protected-files\` output._
`),o+`
`}const Tt=1e6,k=null,It=300,F=300,St=2e3,Nt={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started",running:"\u23F3 Netlify agent run is still running",skipped:"\u23ED\uFE0F Netlify agent run skipped"},I=t=>Buffer.byteLength(t,"utf8");function $(t){return t.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function U(t){return $(t).replace(/\|/g,"\\|").replace(/\r?\n/g," ")}function rt(t){const n=Math.max(0,...(t.match(/`+/g)??[]).map(e=>e.length));return"`".repeat(Math.max(3,n+1))}function C(t,n=""){const e=rt(t);return`${e}${n}
${t}${t.endsWith(`
`)?"":`
`}${e}
`}function N(t,n){return`<details><summary>${t}</summary>

${n}
</details>
`}function Et(t){if(t==null||!Number.isFinite(t))return"";const n=Math.round(t),e=Math.floor(n/60),s=n%60;return e>0?`${e}m ${s}s`:`${s}s`}function j(t,n){return I(t)<=n?t:`${Buffer.from(t).subarray(0,n).toString("utf8")}

_\u2026 cut here: the whole text is in the \`result\` output._`}function Mt(t){const{session:n,runner:e}=t,s=[`[Open in Netlify](${t.runnerUrl})`];n.deploy_url&&s.push(`[Deploy preview](${n.deploy_url})`);const{delivery:o}=t;o?.kind==="pull-request"?s.push(`[Pull request${o.number===null?"":` #${o.number}`}](${o.url}) (${o.operation})`):e?.pr_url&&s.push(`[Pull request${e.pr_number?` #${e.pr_number}`:""}](${e.pr_url})`);const r=[n.agent_config?.agent,n.agent_config?.model].filter(Boolean).join(" \xB7 "),i=[["State",normalizeState(n.state)],["Agent",r],["Duration",Et(n.duration)],["Steps",String(n.steps?.length??0)],["Agent runner",`\`${n.agent_runner_id}\`${t.followUp?" (follow-up session)":""}`],["Branch",e?.branch??""],["Commit",o?.kind==="commit"?Pt(o,e):""],["Delivered",o?.kind==="none"?U(o.reason):""]].filter(([,c])=>c!=="").map(([c,u])=>`| ${c} | ${u} |`).join(`
`);let a=`## ${Nt[t.outcome]}

${s.join(" \xB7 ")}

| | |
|---|---|
${i}

`;return t.failure&&(a+=`> [!CAUTION]
> ${$(t.failure).replace(/\n/g,`
> `)}

`),a}function Pt(t,n){const e=n?.pr_url?.match(/^(https:\/\/github\.com\/[^/]+\/[^/]+)\//)?.[1],s=`\`${t.sha.slice(0,12)}\``;return`${e?`[${s}](${e}/commit/${t.sha})`:s} on \`${U(t.branch)}\``}function xt(t){return t.length<=It&&!t.includes(`
`)?`### Prompt

${C(t,"text")}
`:`### Prompt

${N(`Prompt (${t.length} characters)`,C(j(t,k),"text"))}
`}function wt(t){const{session:n}=t;let e="";n.result&&(e+=`### Result

${j(n.result,k)}

`);const s=n.steps??[];if(s.length>0){const o=s.map((r,l)=>`${l+1}. **${$(r.title)}**${r.message?`: ${$(r.message)}`:""}`).join(`
`);e+=N(`Steps (${s.length})`,j(o,k))+`
`}return e}function Rt(t,n,e){const s=t.length===1?"file":"files";let o=`### Changes: ${t.length} ${s}, +${n} \u2212${e}

`;o+=`| File | + | \u2212 |
|---|--:|--:|
`;for(const r of t.slice(0,F))o+=`| \`${U(r.path)}\`${r.binary?" (binary)":""} | ${r.additions} | ${r.deletions} |
`;return t.length>F&&(o+=`
_\u2026and ${t.length-F} more files._
`),o+`
`}function it(t){return 400+2*I(t.path)}function Ot(t){const{stat:n}=t,e=`<code>${$(n.path)}</code> (+${n.additions} \u2212${n.deletions})`;if(t.binary)return N(e,`_Binary file: its content is not shown._
`);const s=C(t.lines.join(`
`),"diff");return t.cut?N(`${e}, cut short`,`${s}
_The rest of this file is in \`diff-file\`._
`):N(e,s)}async function Lt(t,n,e,s){let o="",r=0,l=0,i;const a=()=>e-I(o),c=()=>{i&&(o+=s(Ot(i)),i.cut||r++,i=void 0)},u=createInterface({input:createReadStream(t),crlfDelay:1/0});try{for await(const f of u){if(f.startsWith("diff --git ")){c();const b=n[l++]??{path:"",additions:0,deletions:0,binary:!1};if(it(b)>a())break;i={stat:b,lines:[],size:0,binary:b.binary,cut:!1}}if(!i||i.binary)continue;if(isBinaryMarker(f)){i.binary=!0,i.lines=[];continue}const _=I(f)+1;if(i.size+_+it(i.stat)>a()){i.cut=!0;break}i.size+=_,i.lines.push(f)}}finally{u.close()}const g=i?.cut&&i.lines.length>0?i.stat.path:void 0;return i&&(!i.cut||g)&&c(),{markdown:o,whole:r,cutPath:g}}function Bt(t,n,e){return t.whole>=n?"":`> [!NOTE]
> ${t.whole===0&&!t.cutPath?"No file of the diff fits here":`The diff is shown for ${t.whole} of ${n} files${t.cutPath?`, then cut short within \`${$(t.cutPath)}\``:""}`}, to keep this summary under GitHub's 1 MiB limit. The whole diff is in the \`diff-file\` output (\`${$(e)}\`).
`}async function At(t,n,e){if(t.stat.files.length===0)return`### Changes

The agent made no changes.
`;let s=e(Rt(t.stat.files,t.stat.additions,t.stat.deletions));if(t.resultFile){const o=Tt-n-I(s)-St-100,r=await Lt(t.resultFile,t.stat.files,Math.max(0,o),e);s+=`### Diff

${r.markdown}
`,s+=Bt(r,t.stat.files.length,t.resultFile)}return s}async function Bn(t,n){const e=n(Mt(t)+protectedFilesSection(t.protectedFiles)+xt(t.prompt)+wt(t)),{diff:s}=t;return t.outcome==="started"?e+"_The step did not wait for the run (`wait: false`); follow it on the dashboard._\n":t.outcome==="running"?e+`_The session has not ended yet._
`:e+await At(s??kt,I(e),n)}const kt={resultFile:void 0,cumulativeFile:void 0,stat:{files:[],additions:0,deletions:0}};function An(t){const n=t.rows.filter(([,s])=>s!=="");let e=`## ${t.heading}

`;return t.links.length>0&&(e+=`${t.links.join(" \xB7 ")}

`),n.length>0&&(e+=`| | |
|---|---|
${n.map(([s,o])=>`| ${s} | ${o} |`).join(`
`)}

`),e+(t.body??"")}async function kn(t){if(!process.env.GITHUB_STEP_SUMMARY){core.warning("No GITHUB_STEP_SUMMARY file: the job summary was not written.");return}await core.summary.addRaw(t).write()}var E=T(504);const W=6e4,Ft=2e4,Ut=4e3,lt=4e3,Ct=200,jt=400,Wt=5,w=20,ct=400,H=100,Ht=300,Dt=1e3,at=4*W,D="\u200D",Gt=E.Km.replace(":",`:${D}`),qt={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started"},zt=/[\u0000-\u0008\u000b-\u001f\u007f]/g,Yt=/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;function m(t){const n=typeof t=="string"?t:t==null?"":String(t),e=n.length>at;return{text:(e?n.slice(0,at):n).replace(/\r\n?/g,`
`).replace(zt,"").replace(Yt,"\uFFFD").split(E.Km).join(Gt),cut:e}}const Kt=/(?:https?|ftp):\/\/[^\s<>]+|\bwww\.[^\s<>]+|(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])|(?<!&)#(?=\d)|\bgh-(?=\d)/gi;function G(t){return t.replace(Kt,(n,e)=>e!==void 0?`${e}@${D}`:n==="#"||n.toLowerCase()==="gh-"?n+D:n)}function R(t){return t.replace(/\s+/g," ").trim()}function Zt(t){return $(G(R(t)))}function M(t){const n=R(t),e=Math.max(0,...(n.match(/`+/g)??[]).map(r=>r.length)),s="`".repeat(e+1),o=n.startsWith("`")||n.endsWith("`")?" ":"";return`${s}${o}${n}${o}${s}`}function Jt(t){return t.replace(/[&<>`*_~[\]\\|$]/g,n=>`&#${n.charCodeAt(0)};`)}function O(t){const n=i=>G(i).replace(/</g,"&lt;"),e=[...t.matchAll(/`+/g)].map(i=>({at:i.index,length:i[0].length})),s=new Map;e.forEach((i,a)=>{const c=s.get(i.length);c?c.push(a):s.set(i.length,[a])});const o=(i,a)=>{const c=s.get(i)??[];let u=0,g=c.length;for(;u<g;){const f=u+g>>1;(c[f]??0)>a?g=f:u=f+1}return c[u]};let r="",l=0;for(let i=0;i<e.length;i++){const a=e[i];if(!a)break;let{at:c,length:u}=a,g=0;for(;t[c-1-g]==="\\";)g++;if(g%2===1&&(c++,u--),u===0)continue;const f=o(u,i),_=f===void 0?void 0:e[f];if(f===void 0||!_)continue;let b=t.slice(c+u,_.at);r+=n(t.slice(l,c)),/[<@#]/.test(b)?(/^ .*[^ ].* $/.test(b)&&(b=b.slice(1,-1)),r+=`<code>${Jt(b)}</code>`):r+=t.slice(c,_.at+_.length),l=_.at+_.length,i=f}return r+n(t.slice(l))}const Qt=t=>t>=55296&&t<=56319,Vt=t=>t>=56320&&t<=57343;function Xt(t,n){const e=n>0&&n<t.length&&Qt(t.charCodeAt(n-1))?n-1:n;return t.slice(0,e)}function vt(t,n){if(n<=0)return"";const e=Math.max(0,t.length-n);return t.slice(e>0&&Vt(t.charCodeAt(e))?e+1:e)}function tn(t,n){let e=0;for(;e<t;){const s=Math.ceil((e+t)/2);n(s)?e=s:t=s-1}return e}function h(t,n,e,s="start"){const o=8*n+64;if(t.length<=o){const i=e(t);if(i.length<=n)return{text:i,cut:!1}}const r=i=>s==="start"?`${Xt(t,i)}\u2026`:`\u2026${vt(t,i)}`,l=tn(Math.min(t.length,o),i=>e(r(i)).length<=n);return{text:e(r(l)),cut:!0}}const nn=/^([ \t]*)(?:(`{3,})([^`]*)|(~{3,})(.*))$/,en=/^[ \t]*(`{3,}|~{3,})[ \t]*$/;function sn(t){const n=[];let e;for(const s of t.split(`
`)){if(e){const l=en.exec(s)?.[1];if(l&&l[0]===e.char&&l.length>=e.length){e=void 0;continue}const i=/^ */.exec(s)?.[0].length??0;e.lines.push(s.slice(Math.min(i,e.indent)));continue}const o=nn.exec(s),r=o?.[2]??o?.[4];if(o&&r){const l=(o[3]??o[5]??"").trim().split(/\s+/)[0]??"",i=[];e={char:r[0]??"`",length:r.length,indent:o[1]?.length??0,lines:i},n.push({code:!0,info:/^[A-Za-z0-9_+.#-]{1,30}$/.test(l)?l:"",lines:i});continue}n.push({code:!1,line:s})}return n}function q(t,n=""){const e=rt(t);return`${e}${n}
${t===""?"":`${t}
`}${e}`}function on(t){return t.code?q(t.lines.join(`
`),t.info):O(t.line)}function rn(t,n){const e=[];let s=0;for(const o of sn(t.text)){const r=on(o);if(s+r.length+1<=n){e.push(r),s+=r.length+1;continue}const l=n-s-1;if(l>20){const i=o.code?h(o.lines.join(`
`),l,a=>q(a,o.info)):h(o.line,l,O);e.push(i.text)}return{text:e.join(`
`),cut:!0}}return{text:e.join(`
`),cut:t.cut}}function y(t,n){if(typeof n!="string"||!/^https?:\/\/[^\s<>"'`\\]+$/i.test(n))return t;const e=n.replace(/\(/g,"%28").replace(/\)/g,"%29");return e.length>Dt?t:`[${t}](${e})`}function L(t){return h(m(t).text,H,Zt).text}function S(t,n,e){const s=Number.isFinite(t)?Math.trunc(t):0;return`${s.toLocaleString("en-US")} ${s===1?n:e}`}function P(t){return Number.isFinite(t)?Math.trunc(t).toLocaleString("en-US"):"?"}function ln(t){if(t.phase==="working"){const n=[L(t.agent),L(t.model)].filter(Boolean).join(" \xB7 ");return`## \u23F3 Netlify agent is working\u2026${n?` (${n})`:""}`}return`## ${t.outcome?qt[t.outcome]:"\u{1F3C1} Netlify agent run finished"}`}function cn(t){const n=[];if(t.phase==="finished"){const s=L(t.agent),o=L(t.model);s?n.push(`**${s}**${o?` (${o})`:""}`):o&&n.push(o),t.outcome!=="started"&&n.push(S(t.steps.length,"step","steps"))}const e=t.runnerId?h(m(t.runnerId).text,H,M).text:"";return t.followUp?n.push(`follow-up session${e?` on runner ${e}`:""}`):e&&n.push(`runner ${e}`),n.join(" \xB7 ")}function an(t){const n=[y("Open in Netlify",t.runnerUrl),y("Workflow run",t.workflowRunUrl)];return t.deployUrl&&n.push(y("Deploy preview",t.deployUrl)),n.filter(e=>e.startsWith("[")).join(" \xB7 ")}function un(t,n){const e=h(R(m(t?.title).text),Ct,O).text,s=h(R(m(t?.message).text),jt,O).text;return`${n+1}. **${e||"Step"}**${s?`: ${s}`:""}`}function fn(t){if(t.length===0)return"_Waiting for the agent's first step\u2026_";const n=t.slice(-Wt),e=t.length-n.length,s=e>0?`_\u2026${S(e,"earlier step","earlier steps")}, then:_

`:"",o=n.map((r,l)=>un(r,e+l)).join(`
`);return`### Steps so far: ${P(t.length)}

${s}${o}`}function ut(t,n,e){const s=o=>o.split(`
`).map(r=>r.trim()?`> ${$(G(r.trimEnd()))}`:">").join(`
`);return`> [!${t}]
${h(m(n).text.trim(),e,s).text}`}function hn(t){const n=[],e=t.pullRequest;if(e){const o=Number.isSafeInteger(e.number)&&(e.number??0)>0?`#${e.number}`:"a pull request";n.push(`\u{1F500} ${e.operation==="updated"?"Updated":"Opened"} pull request ${y(o,e.url)}.`)}if(t.commit){const o=m(t.commit.sha).text.trim(),r=/^[0-9a-f]{7,64}$/i.test(o)?o.slice(0,7):h(o,H,M).text,l=h(m(t.commit.branch).text,Ht,M).text;n.push(`\u{1F4CC} Committed ${r} to ${l}.`)}const s=t.noChanges||t.diffstat&&t.diffstat.files.length===0;return n.length===0&&s&&n.push("The agent made no changes."),n.join(`

`)}function dn(t){const n=t.diffstat;if(!n||n.files.length===0)return"";const e=r=>h(m(r).text,ct,l=>M(l).replace(/\|/g,"\\|"),"end").text,s=n.files.slice(0,w).map(r=>r.binary?`| ${e(r.path)} | binary | |`:`| ${e(r.path)} | ${P(r.additions)} | ${P(r.deletions)} |`),o=n.files.length-w;return[`### ${S(n.files.length,"file","files")} changed, +${P(n.additions)} \u2212${P(n.deletions)}`,`| File | + | \u2212 |
|---|--:|--:|
${s.join(`
`)}`,...o>0?[`_\u2026and ${S(o,"more file","more files")}._`]:[],`The full diff is in the ${y("job summary",t.workflowRunUrl)} of the workflow run.`].join(`

`)}function mn(t){const n=t.protectedFiles;if(!n||n.files.length===0)return"";const e=n.files.length,s=n.files.slice(0,w).map(l=>`- ${h(m(l).text,ct,M,"end").text}`),o=e-w,r=n.refused?"nothing was delivered. To deliver them anyway, set `on-protected-paths: warn` in the workflow, or change `protected-paths`.":"they were delivered (`on-protected-paths: warn`): review them before merging.";return[`### \u{1F6E1}\uFE0F ${S(e,"protected file","protected files")}`,`${e===1?"This file matches":"These files match"} \`protected-paths\`, so ${r}`,s.join(`
`),...o>0?[`_\u2026and ${S(o,"more file","more files")}._`]:[]].join(`

`)}function z(t){const n=m(t.prompt);if(!n.text.trim())return"";const e=h(n.text,Ut,o=>q(o,"text")),s=e.cut||n.cut?`

_The prompt is cut here; the whole of it is in the ${y("job summary",t.workflowRunUrl)}._`:"";return`<details><summary>Prompt</summary>

${e.text}${s}

</details>`}function gn(t,n){const{text:e,cut:s}=m(t.result),o={text:e.trimEnd(),cut:s};if(!o.text.trim())return"";const r=`> [!NOTE]
> The result is cut here to keep this comment short; the whole of it is in the ${y("job summary",t.workflowRunUrl)}.`,l="### Result",i=Math.min(Ft,n-l.length-r.length-4);if(i<=0)return`${l}

${r}`;const a=rn(o,i);return`${l}

${a.text}${a.cut?`

${r}`:""}`}function pn(t){if(!t.seal||!t.runnerId||!(0,E.q9)(t.runnerId))return"";const n=t.sessionId&&(0,E.q9)(t.sessionId)?t.sessionId:void 0;return(0,E.gJ)({runnerId:t.runnerId,sessionId:n},t.seal)}function $n(t){const n=pn(t),e=[ln(t),cn(t),an(t)];let s;t.phase==="working"?s=[fn(t.steps),z(t),"_This comment is updated as the agent works._"]:t.outcome==="started"?s=[`The step did not wait for the run; follow it on the ${y("Netlify dashboard",t.runnerUrl)}.`,z(t)]:(t.failure?.trim()&&e.push(ut("CAUTION",t.failure,lt)),e.push(hn(t),mn(t),dn(t)),s=[z(t)]);const o=i=>i.filter(Boolean).join(`

`),r=o([...e,...s,n]).length,l=t.phase==="finished"?gn(t,W-r-2):"";return o([...e,l,...s,n])}function yn(t,n){return["## \u26D4 Netlify agent run not started",ut("WARNING",t,lt),`See the ${y("workflow run",n)} for details.`].join(`

`)}})};export{Fn as id,Un as ids,Cn as modules};
