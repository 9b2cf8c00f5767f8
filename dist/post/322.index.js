const zn=322,Yn=[322],Kn={322:((Mn,Q,b)=>{b.r(Q),b.d(Q,{STATUS_COMMENT_LIMIT:()=>q,renderRefusal:()=>En,renderStatusComment:()=>Sn});var kn=b(3340),xn=b(3024),Bn=b(481),Pn=b(4169),Rn=b(1455);const V={a:7,b:8,t:9,n:10,v:11,f:12,r:13,'"':34,"\\":92};function P(t,n=0){if(t[n]!=='"')return;const e=[];for(let s=n+1;s<t.length;s++){const o=String.fromCodePoint(t.codePointAt(s)??0);if(o==='"')return{value:Buffer.from(e).toString("utf8"),end:s+1};if(o!=="\\"){e.push(...Buffer.from(o,"utf8")),s+=o.length-1;continue}const r=t[++s]??"",i=/^[0-3][0-7]{2}/.exec(t.slice(s,s+3))?.[0];if(i)e.push(parseInt(i,8)),s+=2;else if(r in V)e.push(V[r]??0);else return}}function $t(t){const n=P(t);return n&&n.end===t.length?n.value:t}function $(t,n){return t.startsWith(n)?t.slice(n.length):t}function On(t,n){const e=P(t),s=e?e.value:t.replace(/\t$/,"");if(!(!e&&s==="/dev/null"))return $(s,n)}function wn(t){if(t.startsWith('"')){const r=P(t);if(r&&t[r.end]===" ")return{old:$(r.value,"a/"),new:$($t(t.slice(r.end+1)),"b/")}}if(t.endsWith('"'))for(let r=t.indexOf(' "');r!==-1;r=t.indexOf(' "',r+1)){const i=P(t,r+1);if(i?.end===t.length)return{old:$(t.slice(0,r),"a/"),new:$(i.value,"b/")}}const n=(t.length-1)/2,[e,s]=[t.slice(0,n),t.slice(n+1)];if(Number.isInteger(n)&&t[n]===" "&&$(e,"a/")===$(s,"b/")){const r=$(s,"b/");return{old:r,new:r}}const o=t.lastIndexOf(" b/");return o<0?{old:t,new:t}:{old:$(t.slice(0,o),"a/"),new:t.slice(o+3)}}const yt=43,_t=45,bt=10,It=13,L=4096,v=null,tt=Buffer.from("diff --git "),nt=Buffer.from("@@"),et=Buffer.from("--- "),st=Buffer.from("+++ "),ot=Buffer.from("rename from "),rt=Buffer.from("rename to "),it=Buffer.from("copy from "),ct=Buffer.from("copy to "),Tt=Buffer.from("GIT binary patch"),Nt=Buffer.from("Binary files "),ut=Buffer.from(" differ");function d(t,n){return t.length>=n.length&&t.compare(n,0,n.length,0,n.length)===0}function An(t){return headerPaths(t.slice(11)).new}function Ln(t){return t.startsWith("GIT binary patch")||t.startsWith("Binary files ")&&t.endsWith(" differ")}class at{files=[];current;oldPath;inHunk=!1;carry;push(n){let e=0;for(;;){const s=n.indexOf(bt,e);if(s===-1)break;this.carry?(this.line(Buffer.concat([this.carry,n.subarray(e,Math.min(s,e+L))])),this.carry=void 0):this.line(n.subarray(e,s)),e=s+1}if(e<n.length){const s=n.subarray(e,Math.min(n.length,e+L));this.carry=this.carry?Buffer.concat([this.carry,s]).subarray(0,L):Buffer.from(s)}}end(){return this.carry&&this.line(this.carry),this.carry=void 0,this.finishFile(),{files:this.files,additions:this.files.reduce((n,e)=>n+e.additions,0),deletions:this.files.reduce((n,e)=>n+e.deletions,0)}}line(n){const e=n[n.length-1]===It?n.subarray(0,-1):n;if(d(e,tt)){this.finishFile();const r=headerPaths(e.subarray(tt.length).toString("utf8"));this.current={path:r.new,additions:0,deletions:0,binary:!1},this.oldPath=r.old,this.files.push(this.current),this.inHunk=!1;return}const s=this.current;if(!s||e.length===0)return;const o=e[0];this.inHunk?o===yt?s.additions++:o===_t?s.deletions++:d(e,nt)&&(this.inHunk=!0):d(e,nt)?this.inHunk=!0:d(e,Tt)||d(e,Nt)&&e.subarray(-ut.length).equals(ut)?s.binary=!0:s.binary||this.name(e,s)}name(n,e){const s=o=>n.subarray(o.length).toString("utf8");d(n,et)?this.oldPath=labelPath(s(et),"a/")??this.oldPath:d(n,st)?e.path=labelPath(s(st),"b/")??e.path:d(n,ot)?this.oldPath=unquoteGitPath(s(ot)):d(n,rt)?e.path=unquoteGitPath(s(rt)):d(n,it)?this.oldPath=unquoteGitPath(s(it)):d(n,ct)&&(e.path=unquoteGitPath(s(ct)))}finishFile(){this.current&&this.oldPath!==void 0&&this.oldPath!==this.current.path&&(this.current.from=this.oldPath),this.oldPath=void 0}}function Fn(t){const n=new Set;for(const e of t)e.from!==void 0&&n.add(e.from),n.add(e.path);return[...n]}async function Un(t){const n=new at,e=await open(t,"r");try{const s=Buffer.allocUnsafe(v);for(;;){const{bytesRead:o}=await e.read(s,0,v,null);if(o===0)break;n.push(s.subarray(0,o))}}finally{await e.close()}return n.end()}function Cn(t){const n=new at;return n.push(Buffer.from(t)),n.end()}const St="To deliver them anyway, set `on-protected-paths: warn`, or change `protected-paths`.",F=100,Et=500;function Mt(t){const n=t.length>Et,e=escapeCell(n?`${t.slice(0,200)}\u2026${t.slice(-200)}`:t),s=Math.max(0,...(e.match(/`+/g)??[]).map(i=>i.length)),o="`".repeat(s+1),r=e.startsWith("`")||e.endsWith("`")?" ":"";return`${o}${r}${e}${r}${o}`}function jn(t){if(!t||t.files.length===0)return"";const n=t.files.length,e=n===1?"This file matches":`These ${n} files match`;let o=`### \u{1F6E1}\uFE0F Protected files

${t.refused?`> [!CAUTION]
> ${e} \`protected-paths\`, so nothing was delivered. ${St}
`:`> [!WARNING]
> ${e} \`protected-paths\`. They were delivered, as \`on-protected-paths: warn\` asks: review them before merging, since a workflow changed on a branch of this repository runs with its secrets.
`}
| File |
|---|
`;for(const r of t.files.slice(0,F))o+=`| ${Mt(r)} |
`;return n>F&&(o+=`
_\u2026and ${n-F} more, in the \`protected-files\` output._
`),o+`
`}const kt=1e6,U=null,xt=300,C=300,Bt=2e3,Pt={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started",running:"\u23F3 Netlify agent run is still running",skipped:"\u23ED\uFE0F Netlify agent run skipped"},S=t=>Buffer.byteLength(t,"utf8");function y(t){return t.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;")}function j(t){return y(t).replace(/\|/g,"\\|").replace(/\r?\n/g," ")}function lt(t){const n=Math.max(0,...(t.match(/`+/g)??[]).map(e=>e.length));return"`".repeat(Math.max(3,n+1))}function W(t,n=""){const e=lt(t);return`${e}${n}
${t}${t.endsWith(`
`)?"":`
`}${e}
`}function M(t,n){return`<details><summary>${t}</summary>

${n}
</details>
`}function Rt(t){if(t==null||!Number.isFinite(t))return"";const n=Math.round(t),e=Math.floor(n/60),s=n%60;return e>0?`${e}m ${s}s`:`${s}s`}function H(t,n){return S(t)<=n?t:`${Buffer.from(t).subarray(0,n).toString("utf8")}

_\u2026 cut here: the whole text is in the \`result\` output._`}function Ot(t){const{session:n,runner:e}=t,s=[`[Open in Netlify](${t.runnerUrl})`];n.deploy_url&&s.push(`[Deploy preview](${n.deploy_url})`);const{delivery:o}=t;o?.kind==="pull-request"?s.push(`[Pull request${o.number===null?"":` #${o.number}`}](${o.url}) (${o.operation})`):e?.pr_url&&s.push(`[Pull request${e.pr_number?` #${e.pr_number}`:""}](${e.pr_url})`);const r=[n.agent_config?.agent,n.agent_config?.model].filter(Boolean).join(" \xB7 "),c=[["State",normalizeState(n.state)],["Agent",r],["Duration",Rt(n.duration)],["Steps",String(n.steps?.length??0)],["Agent runner",`\`${n.agent_runner_id}\`${t.followUp?" (follow-up session)":""}`],["Branch",e?.branch??""],["Commit",o?.kind==="commit"?wt(o,e):""],["Delivered",o?.kind==="none"?j(o.reason):""]].filter(([,a])=>a!=="").map(([a,l])=>`| ${a} | ${l} |`).join(`
`);let u=`## ${Pt[t.outcome]}

${s.join(" \xB7 ")}

| | |
|---|---|
${c}

`;return t.failure&&(u+=`> [!CAUTION]
> ${y(t.failure).replace(/\n/g,`
> `)}

`),t.stoppedBy&&(u+=`> [!NOTE]
> Stopped by \`${t.stoppedBy}\`, who asked for it on the thread.

`),u}function wt(t,n){const e=n?.pr_url?.match(/^(https:\/\/github\.com\/[^/]+\/[^/]+)\//)?.[1],s=`\`${t.sha.slice(0,12)}\``;return`${e?`[${s}](${e}/commit/${t.sha})`:s} on \`${j(t.branch)}\``}function At(t){return t.length<=xt&&!t.includes(`
`)?`### Prompt

${W(t,"text")}
`:`### Prompt

${M(`Prompt (${t.length} characters)`,W(H(t,U),"text"))}
`}function Lt(t){const{session:n}=t;let e="";n.result&&(e+=`### Result

${H(n.result,U)}

`);const s=n.steps??[];if(s.length>0){const o=s.map((r,i)=>`${i+1}. **${y(r.title)}**${r.message?`: ${y(r.message)}`:""}`).join(`
`);e+=M(`Steps (${s.length})`,H(o,U))+`
`}return e}function Ft(t,n,e){const s=t.length===1?"file":"files";let o=`### Changes: ${t.length} ${s}, +${n} \u2212${e}

`;o+=`| File | + | \u2212 |
|---|--:|--:|
`;for(const r of t.slice(0,C))o+=`| \`${j(r.path)}\`${r.binary?" (binary)":""} | ${r.additions} | ${r.deletions} |
`;return t.length>C&&(o+=`
_\u2026and ${t.length-C} more files._
`),o+`
`}function ft(t){return 400+2*S(t.path)}function Ut(t){const{stat:n}=t,e=`<code>${y(n.path)}</code> (+${n.additions} \u2212${n.deletions})`;if(t.binary)return M(e,`_Binary file: its content is not shown._
`);const s=W(t.lines.join(`
`),"diff");return t.cut?M(`${e}, cut short`,`${s}
_The rest of this file is in \`diff-file\`._
`):M(e,s)}async function Ct(t,n,e,s){let o="",r=0,i=0,c=0,u;const a=()=>e-r,l=()=>{if(!u)return;const f=s(Ut(u));o+=f,r+=S(f),u.cut||i++,u=void 0},g=createInterface({input:createReadStream(t),crlfDelay:1/0});try{for await(const f of g){if(f.startsWith("diff --git ")){l();const X=n[c++]??{path:"",additions:0,deletions:0,binary:!1};if(ft(X)>a())break;u={stat:X,lines:[],size:0,binary:X.binary,cut:!1}}if(!u||u.binary)continue;if(isBinaryMarker(f)){u.binary=!0,u.lines=[];continue}const I=S(f)+1;if(u.size+I+ft(u.stat)>a()){u.cut=!0;break}u.size+=I,u.lines.push(f)}}finally{g.close()}const m=u?.cut&&u.lines.length>0?u.stat.path:void 0;return u&&(!u.cut||m)&&l(),{markdown:o,whole:i,cutPath:m}}function jt(t,n,e){return t.whole>=n?"":`> [!NOTE]
> ${t.whole===0&&!t.cutPath?"No file of the diff fits here":`The diff is shown for ${t.whole} of ${n} files${t.cutPath?`, then cut short within \`${y(t.cutPath)}\``:""}`}, to keep this summary under GitHub's 1 MiB limit. The whole diff is in the \`diff-file\` output (\`${y(e)}\`).
`}async function Wt(t,n,e){if(t.stat.files.length===0)return`### Changes

The agent made no changes.
`;let s=e(Ft(t.stat.files,t.stat.additions,t.stat.deletions));if(t.resultFile){const o=kt-n-S(s)-Bt-100,r=await Ct(t.resultFile,t.stat.files,Math.max(0,o),e);s+=`### Diff

${r.markdown}
`,s+=jt(r,t.stat.files.length,t.resultFile)}return s}async function Wn(t,n){const e=n(Ot(t)+protectedFilesSection(t.protectedFiles)+At(t.prompt)+Lt(t)),{diff:s}=t;return t.outcome==="started"?e+"_The step did not wait for the run (`wait: false`); follow it on the dashboard._\n":t.outcome==="running"?e+`_The session has not ended yet._
`:e+await Wt(s??Ht,S(e),n)}const Ht={resultFile:void 0,cumulativeFile:void 0,stat:{files:[],additions:0,deletions:0}};function Hn(t){const n=t.rows.filter(([,s])=>s!=="");let e=`## ${t.heading}

`;return t.links.length>0&&(e+=`${t.links.join(" \xB7 ")}

`),n.length>0&&(e+=`| | |
|---|---|
${n.map(([s,o])=>`| ${s} | ${o} |`).join(`
`)}

`),e+(t.body??"")}async function Dn(t){if(!process.env.GITHUB_STEP_SUMMARY){core.warning("No GITHUB_STEP_SUMMARY file: the job summary was not written.");return}await core.summary.addRaw(t).write()}var T=b(504);function k(t){return(0,T.W5)(t)?`\`${t}\``:"someone"}function N(t){return isMarkerId(t)?`\`${t}\``:"(an id of unexpected shape)"}function D(t){return/^[a-z_-]{1,32}$/.test(t)?t:"in a state of unexpected shape"}function G(t,n){return/^https:\/\/[^\s<>"'`\\()[\]]+$/.test(n)?`[${t}](${n})`:""}function ht(t,n){return n==="requested"?`\u23F9\uFE0F Stop requested by ${k(t)} on this thread; the session is being stopped.`:`\u23F9\uFE0F Stopped by ${k(t)}, who asked for it on this thread.`}function Gn(t,n,e){const s=t.lastIndexOf(`<!-- ${MARKER_PREFIX}`),o=(s<0?t:t.slice(0,s)).trimEnd(),r=ht(n.stoppedBy,"requested"),i=o.startsWith("## ")?o.indexOf(`

`):-1;return`${i<0?`${r}

${o}`:`${o.slice(0,i)}

${r}${o.slice(i)}`}

${formatMarker(n,e)}`}function Dt(t,n){switch(t.kind){case"no-runner":return`No agent runner of this action was found on this thread (no status comment of the action names one${t.byBranch?", and none works on its branch":""}), so there is nothing to stop.`;case"nothing-running":return`Agent runner ${N(t.runnerId)} is not working on anything: its latest session, ${N(t.sessionId)}, is ${D(t.state)}.`;case"stopped":return t.confirmed?`Session ${N(t.sessionId)} of agent runner ${N(t.runnerId)} was stopped, as ${k(n)} asked; it is ${D(t.state)}.`:`Netlify accepted the stop of session ${N(t.sessionId)} of agent runner ${N(t.runnerId)}, as ${k(n)} asked, but it still reads ${D(t.state)}.`;case"failed":return`The stop ${k(n)} asked for on agent runner ${N(t.runnerId)} did not go through.`}}function qn(t,n,e){const s=t.kind==="stopped"?"## \u23F9\uFE0F Netlify agent run stopped":t.kind==="failed"?"## \u274C Netlify agent run not stopped":"## \u23F9\uFE0F Nothing to stop",o=t.kind==="failed"?`The ${G("workflow run",e.workflowRunUrl)||"workflow run"} says why.`:[G("Open in Netlify",e.runnerUrl??""),G("Workflow run",e.workflowRunUrl)].filter(Boolean).join(" \xB7 ");return[s,Dt(t,n),o].filter(Boolean).join(`

`)}const q=6e4,Gt=2e4,qt=4e3,dt=4e3,zt=200,Yt=400,Kt=5,R=20,pt=400,z=100,Zt=300,Jt=1e3,mt=4*q,Y="\u200D",Xt=T.Km.replace(":",`:${Y}`),Qt={success:"\u2705 Netlify agent run succeeded",failure:"\u274C Netlify agent run failed",cancelled:"\u{1F6AB} Netlify agent run was cancelled","timed-out":"\u23F1\uFE0F Netlify agent run timed out",started:"\u{1F680} Netlify agent run started"},Vt=/[\u0000-\u0008\u000b-\u001f\u007f]/g,vt=/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;function p(t){const n=typeof t=="string"?t:t==null?"":String(t),e=n.length>mt;return{text:(e?n.slice(0,mt):n).replace(/\r\n?/g,`
`).replace(Vt,"").replace(vt,"\uFFFD").split(T.Km).join(Xt),cut:e}}const tn=/(?:https?|ftp):\/\/[^\s<>]+|\bwww\.[^\s<>]+|(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])|(?<!&)#(?=\d)|\bgh-(?=\d)/gi;function K(t){return t.replace(tn,(n,e)=>e!==void 0?`${e}@${Y}`:n==="#"||n.toLowerCase()==="gh-"?n+Y:n)}function O(t){return t.replace(/\s+/g," ").trim()}function nn(t){return y(K(O(t)))}function x(t){const n=O(t),e=Math.max(0,...(n.match(/`+/g)??[]).map(r=>r.length)),s="`".repeat(e+1),o=n.startsWith("`")||n.endsWith("`")?" ":"";return`${s}${o}${n}${o}${s}`}function en(t){return t.replace(/[&<>`*_~[\]\\|$]/g,n=>`&#${n.charCodeAt(0)};`)}function w(t){const n=c=>K(c).replace(/</g,"&lt;"),e=[...t.matchAll(/`+/g)].map(c=>({at:c.index,length:c[0].length})),s=new Map;e.forEach((c,u)=>{const a=s.get(c.length);a?a.push(u):s.set(c.length,[u])});const o=(c,u)=>{const a=s.get(c)??[];let l=0,g=a.length;for(;l<g;){const m=l+g>>1;(a[m]??0)>u?g=m:l=m+1}return a[l]};let r="",i=0;for(let c=0;c<e.length;c++){const u=e[c];if(!u)break;let{at:a,length:l}=u,g=0;for(;t[a-1-g]==="\\";)g++;if(g%2===1&&(a++,l--),l===0)continue;const m=o(l,c),f=m===void 0?void 0:e[m];if(m===void 0||!f)continue;let I=t.slice(a+l,f.at);r+=n(t.slice(i,a)),/[<@#]/.test(I)?(/^ .*[^ ].* $/.test(I)&&(I=I.slice(1,-1)),r+=`<code>${en(I)}</code>`):r+=t.slice(a,f.at+f.length),i=f.at+f.length,c=m}return r+n(t.slice(i))}const sn=t=>t>=55296&&t<=56319,on=t=>t>=56320&&t<=57343;function rn(t,n){const e=n>0&&n<t.length&&sn(t.charCodeAt(n-1))?n-1:n;return t.slice(0,e)}function cn(t,n){if(n<=0)return"";const e=Math.max(0,t.length-n);return t.slice(e>0&&on(t.charCodeAt(e))?e+1:e)}function un(t,n){let e=0;for(;e<t;){const s=Math.ceil((e+t)/2);n(s)?e=s:t=s-1}return e}function h(t,n,e,s="start"){const o=8*n+64;if(t.length<=o){const c=e(t);if(c.length<=n)return{text:c,cut:!1}}const r=c=>s==="start"?`${rn(t,c)}\u2026`:`\u2026${cn(t,c)}`,i=un(Math.min(t.length,o),c=>e(r(c)).length<=n);return{text:e(r(i)),cut:!0}}const an=/^([ \t]*)(?:(`{3,})([^`]*)|(~{3,})(.*))$/,ln=/^[ \t]*(`{3,}|~{3,})[ \t]*$/;function fn(t){const n=[];let e;for(const s of t.split(`
`)){if(e){const i=ln.exec(s)?.[1];if(i&&i[0]===e.char&&i.length>=e.length){e=void 0;continue}const c=/^ */.exec(s)?.[0].length??0;e.lines.push(s.slice(Math.min(c,e.indent)));continue}const o=an.exec(s),r=o?.[2]??o?.[4];if(o&&r){const i=(o[3]??o[5]??"").trim().split(/\s+/)[0]??"",c=[];e={char:r[0]??"`",length:r.length,indent:o[1]?.length??0,lines:c},n.push({code:!0,info:/^[A-Za-z0-9_+.#-]{1,30}$/.test(i)?i:"",lines:c});continue}n.push({code:!1,line:s})}return n}function Z(t,n=""){const e=lt(t);return`${e}${n}
${t===""?"":`${t}
`}${e}`}function hn(t){return t.code?Z(t.lines.join(`
`),t.info):w(t.line)}function dn(t,n){const e=[];let s=0;for(const o of fn(t.text)){const r=hn(o);if(s+r.length+1<=n){e.push(r),s+=r.length+1;continue}const i=n-s-1;if(i>20){const c=o.code?h(o.lines.join(`
`),i,u=>Z(u,o.info)):h(o.line,i,w);e.push(c.text)}return{text:e.join(`
`),cut:!0}}return{text:e.join(`
`),cut:t.cut}}function _(t,n){if(typeof n!="string"||!/^https?:\/\/[^\s<>"'`\\]+$/i.test(n))return t;const e=n.replace(/\(/g,"%28").replace(/\)/g,"%29");return e.length>Jt?t:`[${t}](${e})`}function A(t){return h(p(t).text,z,nn).text}function E(t,n,e){const s=Number.isFinite(t)?Math.trunc(t):0;return`${s.toLocaleString("en-US")} ${s===1?n:e}`}function B(t){return Number.isFinite(t)?Math.trunc(t).toLocaleString("en-US"):"?"}function pn(t){if(t.phase==="working"){const n=[A(t.agent),A(t.model)].filter(Boolean).join(" \xB7 ");return`## \u23F3 Netlify agent is working\u2026${n?` (${n})`:""}`}return t.outcome==="cancelled"&&t.stoppedBy?"## \u23F9\uFE0F Netlify agent run stopped":`## ${t.outcome?Qt[t.outcome]:"\u{1F3C1} Netlify agent run finished"}`}function mn(t){const n=[];if(t.phase==="finished"){const s=A(t.agent),o=A(t.model);s?n.push(`**${s}**${o?` (${o})`:""}`):o&&n.push(o),t.outcome!=="started"&&n.push(E(t.steps.length,"step","steps"))}const e=t.runnerId?h(p(t.runnerId).text,z,x).text:"";return t.followUp?n.push(`follow-up session${e?` on runner ${e}`:""}`):e&&n.push(`runner ${e}`),n.join(" \xB7 ")}function gn(t){const n=[_("Open in Netlify",t.runnerUrl),_("Workflow run",t.workflowRunUrl)];return t.deployUrl&&n.push(_("Deploy preview",t.deployUrl)),n.filter(e=>e.startsWith("[")).join(" \xB7 ")}function $n(t,n){const e=h(O(p(t?.title).text),zt,w).text,s=h(O(p(t?.message).text),Yt,w).text;return`${n+1}. **${e||"Step"}**${s?`: ${s}`:""}`}function yn(t){if(t.length===0)return"_Waiting for the agent's first step\u2026_";const n=t.slice(-Kt),e=t.length-n.length,s=e>0?`_\u2026${E(e,"earlier step","earlier steps")}, then:_

`:"",o=n.map((r,i)=>$n(r,e+i)).join(`
`);return`### Steps so far: ${B(t.length)}

${s}${o}`}function gt(t,n,e){const s=o=>o.split(`
`).map(r=>r.trim()?`> ${y(K(r.trimEnd()))}`:">").join(`
`);return`> [!${t}]
${h(p(n).text.trim(),e,s).text}`}function _n(t){const n=[],e=t.pullRequest;if(e){const o=Number.isSafeInteger(e.number)&&(e.number??0)>0?`#${e.number}`:"a pull request";n.push(`\u{1F500} ${e.operation==="updated"?"Updated":"Opened"} pull request ${_(o,e.url)}.`)}if(t.commit){const o=p(t.commit.sha).text.trim(),r=/^[0-9a-f]{7,64}$/i.test(o)?o.slice(0,7):h(o,z,x).text,i=h(p(t.commit.branch).text,Zt,x).text;n.push(`\u{1F4CC} Committed ${r} to ${i}.`)}const s=t.noChanges||t.diffstat&&t.diffstat.files.length===0;return n.length===0&&s&&n.push("The agent made no changes."),n.join(`

`)}function bn(t){const n=t.diffstat;if(!n||n.files.length===0)return"";const e=r=>h(p(r).text,pt,i=>x(i).replace(/\|/g,"\\|"),"end").text,s=n.files.slice(0,R).map(r=>r.binary?`| ${e(r.path)} | binary | |`:`| ${e(r.path)} | ${B(r.additions)} | ${B(r.deletions)} |`),o=n.files.length-R;return[`### ${E(n.files.length,"file","files")} changed, +${B(n.additions)} \u2212${B(n.deletions)}`,`| File | + | \u2212 |
|---|--:|--:|
${s.join(`
`)}`,...o>0?[`_\u2026and ${E(o,"more file","more files")}._`]:[],`The full diff is in the ${_("job summary",t.workflowRunUrl)} of the workflow run.`].join(`

`)}function In(t){const n=t.protectedFiles;if(!n||n.files.length===0)return"";const e=n.files.length,s=n.files.slice(0,R).map(i=>`- ${h(p(i).text,pt,x,"end").text}`),o=e-R,r=n.refused?"nothing was delivered. To deliver them anyway, set `on-protected-paths: warn` in the workflow, or change `protected-paths`.":"they were delivered (`on-protected-paths: warn`): review them before merging.";return[`### \u{1F6E1}\uFE0F ${E(e,"protected file","protected files")}`,`${e===1?"This file matches":"These files match"} \`protected-paths\`, so ${r}`,s.join(`
`),...o>0?[`_\u2026and ${E(o,"more file","more files")}._`]:[]].join(`

`)}function J(t){const n=p(t.prompt);if(!n.text.trim())return"";const e=h(n.text,qt,o=>Z(o,"text")),s=e.cut||n.cut?`

_The prompt is cut here; the whole of it is in the ${_("job summary",t.workflowRunUrl)}._`:"";return`<details><summary>Prompt</summary>

${e.text}${s}

</details>`}function Tn(t,n){const{text:e,cut:s}=p(t.result),o={text:e.trimEnd(),cut:s};if(!o.text.trim())return"";const r=`> [!NOTE]
> The result is cut here to keep this comment short; the whole of it is in the ${_("job summary",t.workflowRunUrl)}.`,i="### Result",c=Math.min(Gt,n-i.length-r.length-4);if(c<=0)return`${i}

${r}`;const u=dn(o,c);return`${i}

${u.text}${u.cut?`

${r}`:""}`}function Nn(t){if(!t.seal||!t.runnerId||!(0,T.q9)(t.runnerId))return"";const n=t.sessionId&&(0,T.q9)(t.sessionId)?t.sessionId:void 0,e={runnerId:t.runnerId,sessionId:n},s=t.stoppedBy&&(0,T.W5)(t.stoppedBy)?t.stoppedBy:void 0;return(0,T.gJ)(s?{...e,stoppedBy:s}:e,t.seal)}function Sn(t){const n=Nn(t),e=[pn(t),mn(t),gn(t)];let s;t.phase==="working"?s=[yn(t.steps),J(t),"_This comment is updated as the agent works._"]:t.outcome==="started"?s=[`The step did not wait for the run; follow it on the ${_("Netlify dashboard",t.runnerUrl)}.`,J(t)]:(t.stoppedBy&&e.push(ht(t.stoppedBy,"stopped")),t.failure?.trim()&&e.push(gt("CAUTION",t.failure,dt)),e.push(_n(t),In(t),bn(t)),s=[J(t)]);const o=c=>c.filter(Boolean).join(`

`),r=o([...e,...s,n]).length,i=t.phase==="finished"?Tn(t,q-r-2):"";return o([...e,i,...s,n])}function En(t,n,e="\u26D4 Netlify agent run not started"){return[`## ${e}`,gt("WARNING",t,dt),`See the ${_("workflow run",n)} for details.`].join(`

`)}})};export{zn as id,Yn as ids,Kn as modules};
