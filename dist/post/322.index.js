const qn=322,zn=[322],Yn={322:((En,X,I)=>{I.r(X),I.d(X,{STATUS_COMMENT_LIMIT:()=>q,renderRefusal:()=>Sn,renderStatusComment:()=>Nn});var Mn=I(3340),kn=I(3024),xn=I(481),Bn=I(4169),Pn=I(1455);const Q={a:7,b:8,t:9,n:10,v:11,f:12,r:13,'"':34,"\\":92};function P(t,n=0){if(t[n]!=='"')return;const e=[];for(let s=n+1;s<t.length;s++){const o=String.fromCodePoint(t.codePointAt(s)??0);if(o==='"')return{value:Buffer.from(e).toString("utf8"),end:s+1};if(o!=="\\"){e.push(...Buffer.from(o,"utf8")),s+=o.length-1;continue}const r=t[++s]??"",c=/^[0-3][0-7]{2}/.exec(t.slice(s,s+3))?.[0];if(c)e.push(parseInt(c,8)),s+=2;else if(r in Q)e.push(Q[r]??0);else return}}function gt(t){const n=P(t);return n&&n.end===t.length?n.value:t}function g(t,n){return t.startsWith(n)?t.slice(n.length):t}function Rn(t,n){const e=P(t),s=e?e.value:t.replace(/\t$/,"");if(!(!e&&s==="/dev/null"))return g(s,n)}function On(t){if(t.startsWith('"')){const r=P(t);if(r&&t[r.end]===" ")return{old:g(r.value,"a/"),new:g(gt(t.slice(r.end+1)),"b/")}}if(t.endsWith('"'))for(let r=t.indexOf(' "');r!==-1;r=t.indexOf(' "',r+1)){const c=P(t,r+1);if(c?.end===t.length)return{old:g(t.slice(0,r),"a/"),new:g(c.value,"b/")}}const n=(t.length-1)/2,[e,s]=[t.slice(0,n),t.slice(n+1)];if(Number.isInteger(n)&&t[n]===" "&&g(e,"a/")===g(s,"b/")){const r=g(s,"b/");return{old:r,new:r}}const o=t.lastIndexOf(" b/");return o<0?{old:t,new:t}:{old:g(t.slice(0,o),"a/"),new:t.slice(o+3)}}const $t=43,yt=45,_t=10,bt=13,L=4096,V=null,v=Buffer.from("diff --git "),tt=Buffer.from("@@"),nt=Buffer.from("--- "),et=Buffer.from("+++ "),st=Buffer.from("rename from "),ot=Buffer.from("rename to "),rt=Buffer.from("copy from "),it=Buffer.from("copy to "),It=Buffer.from("GIT binary patch"),Tt=Buffer.from("Binary files "),ct=Buffer.from(" differ");function d(t,n){return t.length>=n.length&&t.compare(n,0,n.length,0,n.length)===0}function wn(t){return headerPaths(t.slice(11)).new}function An(t){return t.startsWith("GIT binary patch")||t.startsWith("Binary files ")&&t.endsWith(" differ")}class ut{files=[];current;oldPath;inHunk=!1;carry;push(n){let e=0;for(;;){const s=n.indexOf(_t,e);if(s===-1)break;this.carry?(this.line(Buffer.concat([this.carry,n.subarray(e,Math.min(s,e+L))])),this.carry=void 0):this.line(n.subarray(e,s)),e=s+1}if(e<n.length){const s=n.subarray(e,Math.min(n.length,e+L));this.carry=this.carry?Buffer.concat([this.carry,s]).subarray(0,L):Buffer.from(s)}}end(){return this.carry&&this.line(this.carry),this.carry=void 0,this.finishFile(),{files:this.files,additions:this.files.reduce((n,e)=>n+e.additions,0),deletions:this.files.reduce((n,e)=>n+e.deletions,0)}}line(n){const e=n[n.length-1]===bt?n.subarray(0,-1):n;if(d(e,v)){this.finishFile();const r=headerPaths(e.subarray(v.length).toString("utf8"));this.current={path:r.new,additions:0,deletions:0,binary:!1},this.oldPath=r.old,this.files.push(this.current),this.inHunk=!1;return}const s=this.current;if(!s||e.length===0)return;const o=e[0];this.inHunk?o===$t?s.additions++:o===yt?s.deletions++:d(e,tt)&&(this.inHunk=!0):d(e,tt)?this.inHunk=!0:d(e,It)||d(e,Tt)&&e.subarray(-ct.length).equals(ct)?s.binary=!0:s.binary||this.name(e,s)}name(n,e){const s=o=>n.subarray(o.length).toString("utf8");d(n,nt)?this.oldPath=labelPath(s(nt),"a/")??this.oldPath:d(n,et)?e.path=labelPath(s(et),"b/")??e.path:d(n,st)?this.oldPath=unquoteGitPath(s(st)):d(n,ot)?e.path=unquoteGitPath(s(ot)):d(n,rt)?this.oldPath=unquoteGitPath(s(rt)):d(n,it)&&(e.path=unquoteGitPath(s(it)))}finishFile(){this.current&&this.oldPath!==void 0&&this.oldPath!==this.current.path&&(this.current.from=this.oldPath),this.oldPath=void 0}}function Ln(t){const n=new Set;for(const e of t)e.from!==void 0&&n.add(e.from),n.add(e.path);return[...n]}async function Fn(t){const n=new ut,e=await open(t,"r");try{const s=Buffer.allocUnsafe(V);for(;;){const{bytesRead:o}=await e.read(s,0,V,null);if(o===0)break;n.push(s.subarray(0,o))}}finally{await e.close()}return n.end()}function Un(t){const n=new ut;return n.push(Buffer.from(t)),n.end()}const Nt="To deliver them anyway, set `on-protected-paths: warn`, or change `protected-paths`.",F=100,St=500;function Et(t){const n=t.length>St,e=escapeCell(n?`${t.slice(0,200)}\u2026${t.slice(-200)}`:t),s=Math.max(0,...(e.match(/`+/g)??[]).map(c=>c.length)),o="`".repeat(s+1),r=e.startsWith("`")||e.endsWith("`")?" ":"";return`${o}${r}${e}${r}${o}`}function Cn(t){if(!t||t.files.length===0)return"";const n=t.files.length,e=n===1?"This file matches":`These ${n} files match`;let o=`### \u{1F6E1}\uFE0F Protected files

${t.refused?`> [!CAUTION]
> ${e} \`protected-paths\`, so nothing was delivered. ${Nt}
`:`> [!WARNING]
> ${e} \`protected-paths\`. They were delivered, as \`on-protected-paths: warn\` asks: review them before merging, since a workflow changed on a branch of this repository runs with its secrets.
`}
| File |
|---|
`;for(const r of t.files.slice(0,F))o+=`| ${Et(r)} |
`;return n>F&&(o+=`
_\u2026and ${n-F} more, in the \`protected-files\` output._
`),o+`
`}const Mt=1e6,U=null,kt=300,C=300,xt=2e3,Bt={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started",running:"\u23F3 Netlify agent run is still running",skipped:"\u23ED\uFE0F Netlify agent run skipped"},S=t=>Buffer.byteLength(t,"utf8");function $(t){return t.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function j(t){return $(t).replace(/\|/g,"\\|").replace(/\r?\n/g," ")}function at(t){const n=Math.max(0,...(t.match(/`+/g)??[]).map(e=>e.length));return"`".repeat(Math.max(3,n+1))}function W(t,n=""){const e=at(t);return`${e}${n}
${t}${t.endsWith(`
`)?"":`
`}${e}
`}function M(t,n){return`<details><summary>${t}</summary>

${n}
</details>
`}function Pt(t){if(t==null||!Number.isFinite(t))return"";const n=Math.round(t),e=Math.floor(n/60),s=n%60;return e>0?`${e}m ${s}s`:`${s}s`}function H(t,n){return S(t)<=n?t:`${Buffer.from(t).subarray(0,n).toString("utf8")}

_\u2026 cut here: the whole text is in the \`result\` output._`}function Rt(t){const{session:n,runner:e}=t,s=[`[Open in Netlify](${t.runnerUrl})`];n.deploy_url&&s.push(`[Deploy preview](${n.deploy_url})`);const{delivery:o}=t;o?.kind==="pull-request"?s.push(`[Pull request${o.number===null?"":` #${o.number}`}](${o.url}) (${o.operation})`):e?.pr_url&&s.push(`[Pull request${e.pr_number?` #${e.pr_number}`:""}](${e.pr_url})`);const r=[n.agent_config?.agent,n.agent_config?.model].filter(Boolean).join(" \xB7 "),i=[["State",normalizeState(n.state)],["Agent",r],["Duration",Pt(n.duration)],["Steps",String(n.steps?.length??0)],["Agent runner",`\`${n.agent_runner_id}\`${t.followUp?" (follow-up session)":""}`],["Branch",e?.branch??""],["Commit",o?.kind==="commit"?Ot(o,e):""],["Delivered",o?.kind==="none"?j(o.reason):""]].filter(([,a])=>a!=="").map(([a,l])=>`| ${a} | ${l} |`).join(`
`);let u=`## ${Bt[t.outcome]}

${s.join(" \xB7 ")}

| | |
|---|---|
${i}

`;return t.failure&&(u+=`> [!CAUTION]
> ${$(t.failure).replace(/\n/g,`
> `)}

`),t.stoppedBy&&(u+=`> [!NOTE]
> Stopped by \`${t.stoppedBy}\`, who asked for it on the thread.

`),u}function Ot(t,n){const e=n?.pr_url?.match(/^(https:\/\/github\.com\/[^/]+\/[^/]+)\//)?.[1],s=`\`${t.sha.slice(0,12)}\``;return`${e?`[${s}](${e}/commit/${t.sha})`:s} on \`${j(t.branch)}\``}function wt(t){return t.length<=kt&&!t.includes(`
`)?`### Prompt

${W(t,"text")}
`:`### Prompt

${M(`Prompt (${t.length} characters)`,W(H(t,U),"text"))}
`}function At(t){const{session:n}=t;let e="";n.result&&(e+=`### Result

${H(n.result,U)}

`);const s=n.steps??[];if(s.length>0){const o=s.map((r,c)=>`${c+1}. **${$(r.title)}**${r.message?`: ${$(r.message)}`:""}`).join(`
`);e+=M(`Steps (${s.length})`,H(o,U))+`
`}return e}function Lt(t,n,e){const s=t.length===1?"file":"files";let o=`### Changes: ${t.length} ${s}, +${n} \u2212${e}

`;o+=`| File | + | \u2212 |
|---|--:|--:|
`;for(const r of t.slice(0,C))o+=`| \`${j(r.path)}\`${r.binary?" (binary)":""} | ${r.additions} | ${r.deletions} |
`;return t.length>C&&(o+=`
_\u2026and ${t.length-C} more files._
`),o+`
`}function lt(t){return 400+2*S(t.path)}function Ft(t){const{stat:n}=t,e=`<code>${$(n.path)}</code> (+${n.additions} \u2212${n.deletions})`;if(t.binary)return M(e,`_Binary file: its content is not shown._
`);const s=W(t.lines.join(`
`),"diff");return t.cut?M(`${e}, cut short`,`${s}
_The rest of this file is in \`diff-file\`._
`):M(e,s)}async function Ut(t,n,e,s){let o="",r=0,c=0,i;const u=()=>e-S(o),a=()=>{i&&(o+=s(Ft(i)),i.cut||r++,i=void 0)},l=createInterface({input:createReadStream(t),crlfDelay:1/0});try{for await(const f of l){if(f.startsWith("diff --git ")){a();const b=n[c++]??{path:"",additions:0,deletions:0,binary:!1};if(lt(b)>u())break;i={stat:b,lines:[],size:0,binary:b.binary,cut:!1}}if(!i||i.binary)continue;if(isBinaryMarker(f)){i.binary=!0,i.lines=[];continue}const _=S(f)+1;if(i.size+_+lt(i.stat)>u()){i.cut=!0;break}i.size+=_,i.lines.push(f)}}finally{l.close()}const m=i?.cut&&i.lines.length>0?i.stat.path:void 0;return i&&(!i.cut||m)&&a(),{markdown:o,whole:r,cutPath:m}}function Ct(t,n,e){return t.whole>=n?"":`> [!NOTE]
> ${t.whole===0&&!t.cutPath?"No file of the diff fits here":`The diff is shown for ${t.whole} of ${n} files${t.cutPath?`, then cut short within \`${$(t.cutPath)}\``:""}`}, to keep this summary under GitHub's 1 MiB limit. The whole diff is in the \`diff-file\` output (\`${$(e)}\`).
`}async function jt(t,n,e){if(t.stat.files.length===0)return`### Changes

The agent made no changes.
`;let s=e(Lt(t.stat.files,t.stat.additions,t.stat.deletions));if(t.resultFile){const o=Mt-n-S(s)-xt-100,r=await Ut(t.resultFile,t.stat.files,Math.max(0,o),e);s+=`### Diff

${r.markdown}
`,s+=Ct(r,t.stat.files.length,t.resultFile)}return s}async function jn(t,n){const e=n(Rt(t)+protectedFilesSection(t.protectedFiles)+wt(t.prompt)+At(t)),{diff:s}=t;return t.outcome==="started"?e+"_The step did not wait for the run (`wait: false`); follow it on the dashboard._\n":t.outcome==="running"?e+`_The session has not ended yet._
`:e+await jt(s??Wt,S(e),n)}const Wt={resultFile:void 0,cumulativeFile:void 0,stat:{files:[],additions:0,deletions:0}};function Wn(t){const n=t.rows.filter(([,s])=>s!=="");let e=`## ${t.heading}

`;return t.links.length>0&&(e+=`${t.links.join(" \xB7 ")}

`),n.length>0&&(e+=`| | |
|---|---|
${n.map(([s,o])=>`| ${s} | ${o} |`).join(`
`)}

`),e+(t.body??"")}async function Hn(t){if(!process.env.GITHUB_STEP_SUMMARY){core.warning("No GITHUB_STEP_SUMMARY file: the job summary was not written.");return}await core.summary.addRaw(t).write()}var T=I(504);function k(t){return(0,T.W5)(t)?`\`${t}\``:"someone"}function N(t){return isMarkerId(t)?`\`${t}\``:"(an id of unexpected shape)"}function D(t){return/^[a-z_-]{1,32}$/.test(t)?t:"in a state of unexpected shape"}function G(t,n){return/^https:\/\/[^\s<>"'`\\()[\]]+$/.test(n)?`[${t}](${n})`:""}function ft(t,n){return n==="requested"?`\u23F9\uFE0F Stop requested by ${k(t)} on this thread; the session is being stopped.`:`\u23F9\uFE0F Stopped by ${k(t)}, who asked for it on this thread.`}function Dn(t,n,e){const s=t.lastIndexOf(`<!-- ${MARKER_PREFIX}`),o=(s<0?t:t.slice(0,s)).trimEnd(),r=ft(n.stoppedBy,"requested"),c=o.startsWith("## ")?o.indexOf(`

`):-1;return`${c<0?`${r}

${o}`:`${o.slice(0,c)}

${r}${o.slice(c)}`}

${formatMarker(n,e)}`}function Ht(t,n){switch(t.kind){case"no-runner":return`No agent runner of this action was found on this thread (no status comment of the action names one${t.byBranch?", and none works on its branch":""}), so there is nothing to stop.`;case"nothing-running":return`Agent runner ${N(t.runnerId)} is not working on anything: its latest session, ${N(t.sessionId)}, is ${D(t.state)}.`;case"stopped":return t.confirmed?`Session ${N(t.sessionId)} of agent runner ${N(t.runnerId)} was stopped, as ${k(n)} asked; it is ${D(t.state)}.`:`Netlify accepted the stop of session ${N(t.sessionId)} of agent runner ${N(t.runnerId)}, as ${k(n)} asked, but it still reads ${D(t.state)}.`;case"failed":return`The stop ${k(n)} asked for on agent runner ${N(t.runnerId)} did not go through.`}}function Gn(t,n,e){const s=t.kind==="stopped"?"## \u23F9\uFE0F Netlify agent run stopped":t.kind==="failed"?"## \u274C Netlify agent run not stopped":"## \u23F9\uFE0F Nothing to stop",o=t.kind==="failed"?`The ${G("workflow run",e.workflowRunUrl)||"workflow run"} says why.`:[G("Open in Netlify",e.runnerUrl??""),G("Workflow run",e.workflowRunUrl)].filter(Boolean).join(" \xB7 ");return[s,Ht(t,n),o].filter(Boolean).join(`

`)}const q=6e4,Dt=2e4,Gt=4e3,ht=4e3,qt=200,zt=400,Yt=5,R=20,dt=400,z=100,Kt=300,Zt=1e3,pt=4*q,Y="\u200D",Jt=T.Km.replace(":",`:${Y}`),Xt={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started"},Qt=/[\u0000-\u0008\u000b-\u001f\u007f]/g,Vt=/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;function p(t){const n=typeof t=="string"?t:t==null?"":String(t),e=n.length>pt;return{text:(e?n.slice(0,pt):n).replace(/\r\n?/g,`
`).replace(Qt,"").replace(Vt,"\uFFFD").split(T.Km).join(Jt),cut:e}}const vt=/(?:https?|ftp):\/\/[^\s<>]+|\bwww\.[^\s<>]+|(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])|(?<!&)#(?=\d)|\bgh-(?=\d)/gi;function K(t){return t.replace(vt,(n,e)=>e!==void 0?`${e}@${Y}`:n==="#"||n.toLowerCase()==="gh-"?n+Y:n)}function O(t){return t.replace(/\s+/g," ").trim()}function tn(t){return $(K(O(t)))}function x(t){const n=O(t),e=Math.max(0,...(n.match(/`+/g)??[]).map(r=>r.length)),s="`".repeat(e+1),o=n.startsWith("`")||n.endsWith("`")?" ":"";return`${s}${o}${n}${o}${s}`}function nn(t){return t.replace(/[&<>`*_~[\]\\|$]/g,n=>`&#${n.charCodeAt(0)};`)}function w(t){const n=i=>K(i).replace(/</g,"&lt;"),e=[...t.matchAll(/`+/g)].map(i=>({at:i.index,length:i[0].length})),s=new Map;e.forEach((i,u)=>{const a=s.get(i.length);a?a.push(u):s.set(i.length,[u])});const o=(i,u)=>{const a=s.get(i)??[];let l=0,m=a.length;for(;l<m;){const f=l+m>>1;(a[f]??0)>u?m=f:l=f+1}return a[l]};let r="",c=0;for(let i=0;i<e.length;i++){const u=e[i];if(!u)break;let{at:a,length:l}=u,m=0;for(;t[a-1-m]==="\\";)m++;if(m%2===1&&(a++,l--),l===0)continue;const f=o(l,i),_=f===void 0?void 0:e[f];if(f===void 0||!_)continue;let b=t.slice(a+l,_.at);r+=n(t.slice(c,a)),/[<@#]/.test(b)?(/^ .*[^ ].* $/.test(b)&&(b=b.slice(1,-1)),r+=`<code>${nn(b)}</code>`):r+=t.slice(a,_.at+_.length),c=_.at+_.length,i=f}return r+n(t.slice(c))}const en=t=>t>=55296&&t<=56319,sn=t=>t>=56320&&t<=57343;function on(t,n){const e=n>0&&n<t.length&&en(t.charCodeAt(n-1))?n-1:n;return t.slice(0,e)}function rn(t,n){if(n<=0)return"";const e=Math.max(0,t.length-n);return t.slice(e>0&&sn(t.charCodeAt(e))?e+1:e)}function cn(t,n){let e=0;for(;e<t;){const s=Math.ceil((e+t)/2);n(s)?e=s:t=s-1}return e}function h(t,n,e,s="start"){const o=8*n+64;if(t.length<=o){const i=e(t);if(i.length<=n)return{text:i,cut:!1}}const r=i=>s==="start"?`${on(t,i)}\u2026`:`\u2026${rn(t,i)}`,c=cn(Math.min(t.length,o),i=>e(r(i)).length<=n);return{text:e(r(c)),cut:!0}}const un=/^([ \t]*)(?:(`{3,})([^`]*)|(~{3,})(.*))$/,an=/^[ \t]*(`{3,}|~{3,})[ \t]*$/;function ln(t){const n=[];let e;for(const s of t.split(`
`)){if(e){const c=an.exec(s)?.[1];if(c&&c[0]===e.char&&c.length>=e.length){e=void 0;continue}const i=/^ */.exec(s)?.[0].length??0;e.lines.push(s.slice(Math.min(i,e.indent)));continue}const o=un.exec(s),r=o?.[2]??o?.[4];if(o&&r){const c=(o[3]??o[5]??"").trim().split(/\s+/)[0]??"",i=[];e={char:r[0]??"`",length:r.length,indent:o[1]?.length??0,lines:i},n.push({code:!0,info:/^[A-Za-z0-9_+.#-]{1,30}$/.test(c)?c:"",lines:i});continue}n.push({code:!1,line:s})}return n}function Z(t,n=""){const e=at(t);return`${e}${n}
${t===""?"":`${t}
`}${e}`}function fn(t){return t.code?Z(t.lines.join(`
`),t.info):w(t.line)}function hn(t,n){const e=[];let s=0;for(const o of ln(t.text)){const r=fn(o);if(s+r.length+1<=n){e.push(r),s+=r.length+1;continue}const c=n-s-1;if(c>20){const i=o.code?h(o.lines.join(`
`),c,u=>Z(u,o.info)):h(o.line,c,w);e.push(i.text)}return{text:e.join(`
`),cut:!0}}return{text:e.join(`
`),cut:t.cut}}function y(t,n){if(typeof n!="string"||!/^https?:\/\/[^\s<>"'`\\]+$/i.test(n))return t;const e=n.replace(/\(/g,"%28").replace(/\)/g,"%29");return e.length>Zt?t:`[${t}](${e})`}function A(t){return h(p(t).text,z,tn).text}function E(t,n,e){const s=Number.isFinite(t)?Math.trunc(t):0;return`${s.toLocaleString("en-US")} ${s===1?n:e}`}function B(t){return Number.isFinite(t)?Math.trunc(t).toLocaleString("en-US"):"?"}function dn(t){if(t.phase==="working"){const n=[A(t.agent),A(t.model)].filter(Boolean).join(" \xB7 ");return`## \u23F3 Netlify agent is working\u2026${n?` (${n})`:""}`}return t.outcome==="cancelled"&&t.stoppedBy?"## \u23F9\uFE0F Netlify agent run stopped":`## ${t.outcome?Xt[t.outcome]:"\u{1F3C1} Netlify agent run finished"}`}function pn(t){const n=[];if(t.phase==="finished"){const s=A(t.agent),o=A(t.model);s?n.push(`**${s}**${o?` (${o})`:""}`):o&&n.push(o),t.outcome!=="started"&&n.push(E(t.steps.length,"step","steps"))}const e=t.runnerId?h(p(t.runnerId).text,z,x).text:"";return t.followUp?n.push(`follow-up session${e?` on runner ${e}`:""}`):e&&n.push(`runner ${e}`),n.join(" \xB7 ")}function mn(t){const n=[y("Open in Netlify",t.runnerUrl),y("Workflow run",t.workflowRunUrl)];return t.deployUrl&&n.push(y("Deploy preview",t.deployUrl)),n.filter(e=>e.startsWith("[")).join(" \xB7 ")}function gn(t,n){const e=h(O(p(t?.title).text),qt,w).text,s=h(O(p(t?.message).text),zt,w).text;return`${n+1}. **${e||"Step"}**${s?`: ${s}`:""}`}function $n(t){if(t.length===0)return"_Waiting for the agent's first step\u2026_";const n=t.slice(-Yt),e=t.length-n.length,s=e>0?`_\u2026${E(e,"earlier step","earlier steps")}, then:_

`:"",o=n.map((r,c)=>gn(r,e+c)).join(`
`);return`### Steps so far: ${B(t.length)}

${s}${o}`}function mt(t,n,e){const s=o=>o.split(`
`).map(r=>r.trim()?`> ${$(K(r.trimEnd()))}`:">").join(`
`);return`> [!${t}]
${h(p(n).text.trim(),e,s).text}`}function yn(t){const n=[],e=t.pullRequest;if(e){const o=Number.isSafeInteger(e.number)&&(e.number??0)>0?`#${e.number}`:"a pull request";n.push(`\u{1F500} ${e.operation==="updated"?"Updated":"Opened"} pull request ${y(o,e.url)}.`)}if(t.commit){const o=p(t.commit.sha).text.trim(),r=/^[0-9a-f]{7,64}$/i.test(o)?o.slice(0,7):h(o,z,x).text,c=h(p(t.commit.branch).text,Kt,x).text;n.push(`\u{1F4CC} Committed ${r} to ${c}.`)}const s=t.noChanges||t.diffstat&&t.diffstat.files.length===0;return n.length===0&&s&&n.push("The agent made no changes."),n.join(`

`)}function _n(t){const n=t.diffstat;if(!n||n.files.length===0)return"";const e=r=>h(p(r).text,dt,c=>x(c).replace(/\|/g,"\\|"),"end").text,s=n.files.slice(0,R).map(r=>r.binary?`| ${e(r.path)} | binary | |`:`| ${e(r.path)} | ${B(r.additions)} | ${B(r.deletions)} |`),o=n.files.length-R;return[`### ${E(n.files.length,"file","files")} changed, +${B(n.additions)} \u2212${B(n.deletions)}`,`| File | + | \u2212 |
|---|--:|--:|
${s.join(`
`)}`,...o>0?[`_\u2026and ${E(o,"more file","more files")}._`]:[],`The full diff is in the ${y("job summary",t.workflowRunUrl)} of the workflow run.`].join(`

`)}function bn(t){const n=t.protectedFiles;if(!n||n.files.length===0)return"";const e=n.files.length,s=n.files.slice(0,R).map(c=>`- ${h(p(c).text,dt,x,"end").text}`),o=e-R,r=n.refused?"nothing was delivered. To deliver them anyway, set `on-protected-paths: warn` in the workflow, or change `protected-paths`.":"they were delivered (`on-protected-paths: warn`): review them before merging.";return[`### \u{1F6E1}\uFE0F ${E(e,"protected file","protected files")}`,`${e===1?"This file matches":"These files match"} \`protected-paths\`, so ${r}`,s.join(`
`),...o>0?[`_\u2026and ${E(o,"more file","more files")}._`]:[]].join(`

`)}function J(t){const n=p(t.prompt);if(!n.text.trim())return"";const e=h(n.text,Gt,o=>Z(o,"text")),s=e.cut||n.cut?`

_The prompt is cut here; the whole of it is in the ${y("job summary",t.workflowRunUrl)}._`:"";return`<details><summary>Prompt</summary>

${e.text}${s}

</details>`}function In(t,n){const{text:e,cut:s}=p(t.result),o={text:e.trimEnd(),cut:s};if(!o.text.trim())return"";const r=`> [!NOTE]
> The result is cut here to keep this comment short; the whole of it is in the ${y("job summary",t.workflowRunUrl)}.`,c="### Result",i=Math.min(Dt,n-c.length-r.length-4);if(i<=0)return`${c}

${r}`;const u=hn(o,i);return`${c}

${u.text}${u.cut?`

${r}`:""}`}function Tn(t){if(!t.seal||!t.runnerId||!(0,T.q9)(t.runnerId))return"";const n=t.sessionId&&(0,T.q9)(t.sessionId)?t.sessionId:void 0,e={runnerId:t.runnerId,sessionId:n},s=t.stoppedBy&&(0,T.W5)(t.stoppedBy)?t.stoppedBy:void 0;return(0,T.gJ)(s?{...e,stoppedBy:s}:e,t.seal)}function Nn(t){const n=Tn(t),e=[dn(t),pn(t),mn(t)];let s;t.phase==="working"?s=[$n(t.steps),J(t),"_This comment is updated as the agent works._"]:t.outcome==="started"?s=[`The step did not wait for the run; follow it on the ${y("Netlify dashboard",t.runnerUrl)}.`,J(t)]:(t.stoppedBy&&e.push(ft(t.stoppedBy,"stopped")),t.failure?.trim()&&e.push(mt("CAUTION",t.failure,ht)),e.push(yn(t),bn(t),_n(t)),s=[J(t)]);const o=i=>i.filter(Boolean).join(`

`),r=o([...e,...s,n]).length,c=t.phase==="finished"?In(t,q-r-2):"";return o([...e,c,...s,n])}function Sn(t,n,e="\u26D4 Netlify agent run not started"){return[`## ${e}`,mt("WARNING",t,ht),`See the ${y("workflow run",n)} for details.`].join(`

`)}})};export{qn as id,zn as ids,Yn as modules};
